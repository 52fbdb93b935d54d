// The rules of the CRM overlay: pure, shared by the extension (to gate the UI) and the reference CRM (to enforce).
// Precedence of the allowing rules: see SCOPE_RULES in ./scope.ts.
export { userContext } from './context';
export { decide, decideAll } from './decide';
export { listedIds } from './scope';
export { applyShare, applyCancelShare, applyLabels } from './mutate';
export * from './types';
