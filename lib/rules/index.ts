// The rules of the CRM overlay: pure, shared by the extension (to gate the UI) and the reference CRM (to enforce).
// Precedence of the allowing rules: RULE_PRECEDENCE in ./scope.ts. Decisions are frozen and shared (see ./decisions.ts).
export { userContext } from './context';
export { decide, decideAll } from './decide';
export { listedIds } from './scope';
export { pickableIds, pickUpPoolIds } from './pool';
export { applyShare, applyCancelShare, applyLabels } from './mutate';
export { decideEdit } from './reassign';
export { reassignableFields, type AssignmentField } from './reassignable';
export * from './types';
