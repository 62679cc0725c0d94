import { useTranslation } from '../../../lib/useTranslation';
import type { ControlProps } from '../../../components/form/Field';
import { AsyncCombobox, type ComboboxOption } from '../../../components/AsyncCombobox';
import { useSiteLoader } from '../../sites/site-options';

// The edit page's imports from here, from before the loader moved to components/.
export { siteOption, type SiteLike } from '../../sites/site-options';

interface SitesComboboxProps {
  control: ControlProps;
  label: string;
  selected: readonly ComboboxOption[];
  onChange(next: ComboboxOption[]): void;
  onBlur?(): void;
}

/** The notes' "Sites" dropdown: type to find a site, the chosen ones listed below it. */
export function SitesCombobox({ control, label, selected, onChange, onBlur }: SitesComboboxProps) {
  const { t } = useTranslation('lists');
  const load = useSiteLoader();
  return (
    <AsyncCombobox
      control={control}
      label={label}
      placeholder={t('lists.combobox.placeholder')}
      multiple
      selected={selected}
      onChange={onChange}
      load={load}
      chosenLabel={t('lists.combobox.chosen')}
      noneChosen={t('lists.combobox.noneChosen')}
      onBlur={onBlur}
    />
  );
}
