export * from './fields';
export * from './mapping';
export * from './storage';
export * from './confirmation';
export * from './reader';
export * from './preview';
export { describeProblem } from './problems';
export * from './erpPresets';
