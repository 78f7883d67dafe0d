/**
 * The Apps Script surface: every global function Sheets, the menu, a trigger or `google.script.run` may call.
 * `scripts/build.ts` reads the registry (src/registry.ts) and emits one real top-level `function NAME(params)`
 * declaration per entry, with its JSDoc, into the pushed script; `src/index.ts` exposes the implementations.
 */

/** One named parameter of a custom function, as Sheets autocomplete shows it. */
export interface ParameterSpec {
  /** A JS identifier in snake_case, the name autocomplete shows (`ad_spend`). */
  name: string;
  /** What to pass, with its unit (`Ad spend in USD, a number or a range`). */
  description: string;
  /** Omitted optional parameters come last; autocomplete marks them. */
  optional?: boolean;
  /** JSDoc type shown for the parameter; numbers or ranges of numbers when not given. */
  type?: string;
}

export interface CustomFunctionSpec {
  kind: 'customFunction';
  /** `KPI_…`: Sheets has built-ins such as ACOS, and an add-on's function names must be unique (PLATFORM §1). */
  name: `KPI_${string}`;
  /** One line in English with the Chinese term, e.g. "Advertising cost of sales (ACoS, 广告销售成本比)". */
  summary: string;
  parameters: readonly ParameterSpec[];
  /** What comes back, e.g. "A fraction (0.25 = 25%), blank where ad sales are 0 or blank". */
  returns: string;
  /** A formula a user can type, e.g. `=KPI_ACOS(B2:B100, C2:C100)`. */
  example: string;
  run: (...args: never[]) => unknown;
}

/** Why Apps Script calls a handler, which decides the auth mode it runs in (PLATFORM §2). */
export type HandlerKind =
  /** onOpen / onInstall: may run in AuthMode.NONE or LIMITED. */
  | 'simpleTrigger'
  /** A menu item: runs in AuthMode.FULL. */
  | 'menu'
  /** An installable (time-driven) trigger: the function name is stored with the trigger. */
  | 'trigger'
  /** A `google.script.run` target called from a sidebar or dialog. */
  | 'rpc';

export interface HandlerSpec {
  kind: HandlerKind;
  name: string;
  /** What the handler does, for the comment above the emitted declaration. */
  description: string;
  parameters: readonly string[];
  run: (...args: never[]) => unknown;
  /** For menu handlers: the message key of the menu label, and its order in the menu. */
  menu?: { labelKey: string; order: number; separatorBefore?: boolean };
}

export type SurfaceEntry = CustomFunctionSpec | HandlerSpec;
