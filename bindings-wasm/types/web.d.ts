/* The browser / bundler build: call `init()` (or `initSync`) once before any other function. */
export * from './index'

/** Where to load the module from: a URL, a Response, bytes or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module

/** Loads and instantiates the WebAssembly module (by default `zfxxgk_wasm_bg.wasm` next to the
 * JS file). Resolves once the functions are ready. */
export default function init(input?: { module_or_path: InitInput | Promise<InitInput> }): Promise<unknown>

/** Instantiates the module synchronously from its bytes or a compiled module. */
export declare function initSync(module: { module: BufferSource | WebAssembly.Module }): unknown
