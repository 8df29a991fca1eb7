// Entry of a parse worker thread when the app runs from sources (vitest, tsx): on Node 20 a worker
// does not inherit the main thread's module hooks, so it registers tsx itself before loading the
// TypeScript task module. A built app (dist/) starts its workers from parse-tasks.js instead.
import { register } from 'tsx/esm/api';

register();
const { runParseTask } = await import('./parse-tasks.ts');

export default runParseTask;
