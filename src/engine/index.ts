/** The status engine: pure functions from probe results to component states and login paths. */
export { initialProbeState, applyResult, thresholdsFor, type Thresholds } from './probe-state.ts';
export { evaluate, isBlind, type EngineSettings, type Overlays, type EvaluateInput, type Evaluation } from './evaluate.ts';
export { findRootCause, isFailing } from './root-cause.ts';
export { loginMatrix, alternatives, BANK_TOKEN, type LoginMethodRow } from './login-matrix.ts';
export { overlaysAt } from './overlays.ts';
export { maintenanceEnds } from './maintenance-ends.ts';
export { judgeFailure, admitResult, settle, MAX_PENDING_FAILURES, type CanaryRun, type FailureVerdict } from './sight.ts';
export { DependencyIndex, type EvaluationInputs } from './dependants.ts';
