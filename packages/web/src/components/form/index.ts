// The form kit's one entry point: fields, the form's alert and the mapping of userErrors onto fields.
export * from './Field';
export * from './FormAlert';
export * from './form-errors';
export * from './StatusFilter';
