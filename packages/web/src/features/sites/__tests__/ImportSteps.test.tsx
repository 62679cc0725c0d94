import { ENTRY_USER_CSV_COLUMNS } from '@entry/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import type { ImportedRow } from '../import-stream';
import { ImportFileStep } from '../components/ImportFileStep';
import { ImportInstructions, TEMPLATE_URL } from '../components/ImportInstructions';
import { ImportPreview } from '../components/ImportPreview';
import { ImportProgress } from '../components/ImportProgress';
import { ImportResult } from '../components/ImportResult';
import { PROBLEM_ROWS_SHOWN, ProblemRows } from '../components/ProblemRows';

function row(line: number, valid = false): ImportedRow {
  return {
    line,
    firstName: 'Anna',
    lastName: `Berg${line}`,
    email: 'not-an-email',
    apartment: null,
    valid,
    problems: valid
      ? []
      : [
          {
            field: ['rows', String(line), 'email'],
            code: 'INVALID',
            message: 'Not an email address.',
          },
        ],
  };
}

const preview = {
  totalRows: 3,
  validCount: 2,
  invalidCount: 1,
  userErrors: [],
  rows: [row(2)],
};

describe('ImportInstructions', () => {
  it('should list every column, say which are required, and link the template', async () => {
    renderPart(<ImportInstructions />);
    const columns = await screen.findAllByRole('listitem');
    expect(columns).toHaveLength(ENTRY_USER_CSV_COLUMNS.length);
    expect(columns[0]).toHaveTextContent(/\(required\)/);
    expect(columns.some((column) => /\(optional\)/.test(column.textContent ?? ''))).toBe(true);
    expect(screen.getByRole('link', { name: 'Download the template (CSV)' })).toHaveAttribute(
      'href',
      TEMPLATE_URL,
    );
  });
});

describe('ImportFileStep', () => {
  it('should hand the chosen file on and wait, disabled, while it is checked', async () => {
    const onFile = vi.fn();
    const { user, rerender } = renderPart(<ImportFileStep checking={false} onFile={onFile} />);
    const input = await screen.findByLabelText('CSV file');
    expect(input).toHaveAccessibleDescription(/at most 20,000 rows/);
    const file = new File(['firstName\n'], 'users.csv', { type: 'text/csv' });
    await user.upload(input, file);
    expect(onFile).toHaveBeenCalledWith(file);
    rerender(<ImportFileStep checking onFile={onFile} />);
    expect(screen.getByLabelText('CSV file')).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Checking the file…');
  });
});

describe('ImportProgress', () => {
  it('should show how far the import is, as a bar and in words', async () => {
    renderPart(<ImportProgress processed={250} total={1000} />);
    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(bar).toHaveAttribute('value', '250');
    expect(bar).toHaveAttribute('max', '1000');
    expect(screen.getByText('250 of 1,000 rows processed')).toBeVisible();
  });

  it('should show a full bar for a file without rows', async () => {
    renderPart(<ImportProgress processed={0} total={0} />);
    const bar = await screen.findByRole('progressbar');
    expect(bar).toHaveAttribute('value', '1');
    expect(bar).toHaveAttribute('max', '1');
  });
});

describe('ImportPreview', () => {
  it('should count the rows, list those with problems and import the valid ones', async () => {
    const onImport = vi.fn();
    const onAnother = vi.fn();
    const { user } = renderPart(
      <ImportPreview
        fileName="users.csv"
        preview={preview}
        progress={null}
        onImport={onImport}
        onAnother={onAnother}
        headingRef={null}
      />,
    );
    expect(
      await screen.findByRole('heading', { name: 'Before you import users.csv' }),
    ).toBeVisible();
    expect(
      screen.getByText('Rows in the file: 3. Ready to import: 2. With problems: 1.'),
    ).toBeVisible();
    expect(
      screen.getByRole('table', { name: 'Rows with problems, which will be skipped' }),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Import the valid rows (2)' }));
    expect(onImport).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Choose another file' }));
    expect(onAnother).toHaveBeenCalledTimes(1);
  });

  it("should show the file's problems and offer no import when the file cannot be read", async () => {
    renderPart(
      <ImportPreview
        fileName="users.csv"
        preview={{ ...preview, userErrors: [{ message: 'The email column is missing.' }] }}
        progress={null}
        onImport={() => {}}
        onAnother={() => {}}
        headingRef={null}
      />,
    );
    expect(await screen.findByText('The email column is missing.')).toBeVisible();
    expect(screen.queryByRole('button', { name: /Import the valid rows/ })).toBeNull();
  });

  it('should show the progress instead of the buttons while importing', async () => {
    renderPart(
      <ImportPreview
        fileName="users.csv"
        preview={{ ...preview, invalidCount: 0, validCount: 3, rows: [] }}
        progress={{ processed: 1, total: 3 }}
        onImport={() => {}}
        onAnother={() => {}}
        headingRef={null}
      />,
    );
    expect(await screen.findByText('Every row can be imported.')).toBeVisible();
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '1');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('ImportResult', () => {
  it('should say how many were imported and list the skipped rows', async () => {
    const onAnother = vi.fn();
    const { user } = renderPart(
      <ImportResult
        imported={2}
        skipped={[row(4)]}
        total={3}
        onAnother={onAnother}
        resultRef={null}
      />,
    );
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Import finished');
    expect(status).toHaveTextContent('Entry app users added: 2.');
    expect(status).toHaveTextContent('Rows skipped: 1.');
    expect(screen.getByRole('table', { name: 'Rows that were not imported' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Choose another file' }));
    expect(onAnother).toHaveBeenCalledTimes(1);
  });

  it('should list nothing skipped when every row was imported', async () => {
    renderPart(
      <ImportResult imported={3} skipped={[]} total={3} onAnother={() => {}} resultRef={null} />,
    );
    expect(await screen.findByRole('status')).not.toHaveTextContent('Rows skipped');
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('ProblemRows', () => {
  it('should list each row by line with its problems and the field at fault', async () => {
    renderPart(<ProblemRows id="problems" caption="Problems" rows={[row(7)]} total={1} />);
    const table = await screen.findByRole('table', { name: 'Problems' });
    const line = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(line).getByRole('rowheader')).toHaveTextContent('7');
    expect(line).toHaveTextContent('Anna Berg7');
    expect(line).toHaveTextContent('email Not an email address.');
  });

  it('should list the first rows only and say how many there are in all', async () => {
    const rows = Array.from({ length: PROBLEM_ROWS_SHOWN + 5 }, (_, index) => row(index + 2));
    renderPart(<ProblemRows id="problems" caption="Problems" rows={rows} total={1234} />);
    const table = await screen.findByRole('table', { name: 'Problems' });
    expect(within(table).getAllByRole('row')).toHaveLength(PROBLEM_ROWS_SHOWN + 1);
    expect(screen.getByText('The first 100 of 1,234 rows with problems are shown.')).toBeVisible();
  });

  it('should show nothing without rows', () => {
    const { container } = renderPart(<ProblemRows id="p" caption="Problems" rows={[]} total={0} />);
    expect(container).toBeEmptyDOMElement();
  });
});
