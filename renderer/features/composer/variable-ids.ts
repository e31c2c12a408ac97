// The id of a variable's input, shared by the variables panel and the fire path (which focuses
// the first variable without a value), without loading the composer.
export function variableInputId(triggerId: string, name: string): string {
  return `var-${triggerId}-${name.replace(/[^\w-]/g, '_')}`;
}
