// Types of dist-state.js for the tests that import it (bin/ is plain JavaScript, run without a build).
export declare const STAMP: string;
export declare const SOURCE_ONLY: ReadonlySet<string>;
export declare function distState(root: string, inputs?: readonly string[]): 'dist' | 'src';
