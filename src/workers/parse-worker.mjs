// Entry of a parse worker thread. On Node 20 a worker does not inherit the main thread's
// module hooks, so it registers tsx itself before loading the TypeScript task module.
import { register } from 'tsx/esm/api';

register();
const { runParseTask } = await import('./parse-tasks.ts');

export default runParseTask;
