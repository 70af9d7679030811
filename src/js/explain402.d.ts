// Type declarations for explain402: the same API from `window.Explain402` (dist/explain402.js)
// and from the ES module (dist/explain402.mjs).

/** What really happened. The labels are stable; rules may add custom ones. */
export type Cause =
  | "payment_required" | "payment_required_onchain" | "payment_required_lightning" | "crawler_payment_required"
  | "onchain_insufficient_balance" | "payment_signature_invalid" | "payment_authorization_expired"
  | "payment_network_mismatch" | "wallet_approval_required" | "payment_settlement_failed"
  | "insufficient_funds" | "card_declined" | "card_expired" | "card_incorrect_cvc" | "card_details_invalid"
  | "payment_details_invalid" | "card_limit_exceeded" | "card_not_supported" | "card_authentication_required" | "processing_error_retry"
  | "payment_method_not_activated" | "ewallet_account_blocked" | "credits_exhausted" | "quota_exceeded"
  | "subscription_past_due" | "service_suspended_billing" | "merchant_misconfigured" | "auth_required"
  | "forbidden" | "rate_limited" | "bot_challenge" | "proxy_auth_required"
  | (string & {});

/**
 * Where the cause was read from: a protocol, a vendor pack by its id (`"stripe"`, `"midtrans"`,
 * ... see README "Recognized sources"), the fallback (`"fields"`, `"problem_details"`, `"text"`),
 * the `"status"` alone, or one of your `"rule"`s.
 */
export type Source =
  | "x402" | "l402" | "payment_auth" | "problem_details" | "rate_limit_headers" | "bearer"
  | "fields" | "text" | "status" | "rule"
  | (string & {});

/** Who can fix it: the person in front of the screen, or only the site's team. */
export type Party = "user" | "site";

export type ActionKind = "update_payment" | "retry" | "sign_in" | "contact_support" | "copy_reference" | "pay";

export interface Diagnosis {
  cause: Cause;
  /** Who can fix it; causes that can be either get the texts for that party. */
  party: Party;
  source: Source;
  /** The HTTP status of the response. */
  status: number;
  /** The locale the texts are in, for example "id" or "en". */
  locale: string;
  title: string;
  explanation: string;
  steps: string[];
  actions: { kind: ActionKind; label: string }[];
  details: {
    code?: string | null;
    declineCode?: string | null;
    /** Amounts stay exact: `value` is decimal text ("0.01"), `atomic` the smallest units. */
    amount?: { value: string | null; atomic: string; decimals: number; asset?: string | null; network?: string | null } | null;
    resource?: string | null;
    /** Seconds to wait before retrying. */
    retryAfter?: number | null;
    links: { rel: string; url: string }[];
    /** The parsed payment challenge (x402 PaymentRequired, or L402 macaroon and invoice). */
    payment?: unknown;
    paymentProtocol?: "x402" | "l402" | "payment_auth";
  };
  /** A support reference such as a request id. */
  reference: string | null;
}

/** Texts of one cause; every field optional, missing ones fall back to the built-in text. */
export interface CauseMessages {
  title?: string;
  explanation?: string;
  steps?: string[];
  actions?: ActionKind[];
  /** Button labels for this cause only, by action kind. */
  labels?: Partial<Record<ActionKind, string>>;
  /**
   * The texts for a diagnosis with `party: "site"` (only the site's team can act); they come
   * before the built-in site texts, which come before the fields above.
   */
  site?: Omit<CauseMessages, "site">;
}

/** Per-locale message overrides: cause labels, plus the reserved keys `ui` and `actions`. */
export type LocaleMessages = {
  [cause: string]: CauseMessages | Record<string, string> | undefined;
} & {
  ui?: Partial<Record<"close" | "details" | "status" | "code" | "reference" | "copy" | "copied" | "copyFailed" | "repeated" | "notifications" | "amount" | "network" | "resource" | "cause" | "learnMore" | "reload" | "wait" | "ready", string>>;
  actions?: Partial<Record<ActionKind, string>>;
};

/**
 * Maps your own API's errors to a cause: one entry of a knowledge pack (README "Knowledge packs
 * and rules"). Every condition given must hold; rules are checked first, in order.
 */
export interface Rule {
  /** The HTTP status is one of these. */
  status?: number | number[];
  /** The response URL's host is one of these, or a subdomain of one. */
  host?: string | string[];
  /** Each header is present and contains the text (case-insensitive; `""`: present). */
  header?: Record<string, string>;
  /** Every path exists in the JSON body. */
  has?: string | string[];
  /** The value at each dotted path is exactly one of these, e.g. `{ "error.reason": "PLAN_LIMIT" }`. */
  match?: Record<string, string | number | boolean | Array<string | number | boolean>>;
  /** A code in the usual code fields (or in `codes`) is one of these, normalized; `*` and `?` are wildcards. */
  code?: string | string[];
  /** A phrase occurs in the usual message fields (or in `messages`); `a&b` needs both words. */
  message?: string | string[];
  /** A phrase occurs in the body (an HTML page's visible text or markup). */
  body?: string | string[];
  /** The same as `body` (0.1). */
  bodyIncludes?: string;
  /** Where this rule's codes are (dotted paths, `*` for every array element, `header:Name`). */
  codes?: string | string[];
  /** Where this rule's messages are. */
  messages?: string | string[];
  /** A built-in cause, or your own label with texts in `messages`. */
  cause: Cause;
  /** Who can fix it, when it is not the cause's own party. */
  party?: Party;
  /** A lost, stolen or fraud decline: shown as `card_declined`, with no code. */
  sensitive?: boolean;
}

export interface Options {
  /** Locale to use ("id", "en", or one you add in `messages`). Default: `<html lang>`, then the browser's languages, then English. */
  locale?: string;
  /** Statuses watched by `wrapFetch`/`install`. Default `[402]`; opt-in set `[401, 402, 403, 407, 429]`. */
  statuses?: number[];
  /** Default `"auto"`: a dialog for causes that block the task, a toast for transient ones. */
  mode?: "auto" | "dialog" | "toast" | "inline";
  /** The element an `inline` panel is rendered into. */
  container?: Element;
  theme?: "auto" | "light" | "dark";
  messages?: Record<string, LocaleMessages>;
  rules?: Rule[];
  /**
   * Every diagnosis gets this party. For apps whose users bring their own API keys: an upstream
   * API's credits, quota or key errors are then the user's to fix.
   */
  party?: Party;
  /**
   * `https:`, `http:` or `mailto:`, or relative to the page (`"/help"`, resolved against
   * `document.baseURI` when the options are applied); a mailto link gets the reference in its subject.
   */
  supportUrl?: string;
  /** Where "update payment method" leads; absolute or relative, like `supportUrl`. */
  paymentUrl?: string;
  /** Where "sign in" leads; absolute or relative, like `supportUrl`. */
  signInUrl?: string;
  /** Return `false` to suppress the built-in panel and render your own. */
  onShow?: (diagnosis: Diagnosis) => boolean | void;
  onAction?: (kind: ActionKind, diagnosis: Diagnosis) => void;
  onDismiss?: (diagnosis: Diagnosis) => void;
  /** Called by the "try again" action; without it the page reloads. */
  onRetry?: (diagnosis: Diagnosis) => void;
  /** Called by the "pay" action with the parsed payment challenge; the widget never moves money. */
  onPay?: (payment: unknown, diagnosis: Diagnosis) => void;
  /** Bytes of the response copy read at most. Default 65536. */
  maxBodyBytes?: number;
  /** Milliseconds after which reading the copy stops. Default 1500. */
  readTimeoutMs?: number;
  /** Origins whose server-offered links (billing, pay) may become action buttons. */
  trustedLinkOrigins?: string[];
  /**
   * Where `explain402_core_bg.wasm` is served, absolute or relative to `document.baseURI`, for
   * builds that do not emit it (esbuild, Angular CLI, Rollup without an asset plugin) or a CDN.
   * Read when the widget loads (at idle, or on the first response to explain): give it in the
   * first `init()`. Script tag: `data-wasm-url`.
   */
  wasmUrl?: string;
}

/** A response, or a response-like object such as an axios `error.response`. */
export type ResponseLike = Response | { status: number; headers?: Headers | Record<string, string | string[]>; body?: unknown; data?: unknown };

export interface Explain402 {
  readonly version: string;
  /**
   * Configures and loads. Optional: every call works before it, with the defaults and the script
   * tag's data-* attributes. Each call replaces the options of the previous one (the data-*
   * attributes stay underneath). Never rejects.
   */
  init(options?: Options): Promise<void>;
  /**
   * Diagnoses without showing anything. Resolves `null` when there is nothing to explain, when the
   * request was aborted, or when the widget could not load. Never rejects.
   */
  diagnose(response: ResponseLike, options?: Options): Promise<Diagnosis | null>;
  /** Diagnoses and shows the panel. The response itself is never consumed: a copy is taken at once. */
  handle(response: ResponseLike, options?: Options): Promise<Diagnosis | null>;
  /** A fetch that explains watched responses in the background and returns the original promise. */
  wrapFetch(fetchFn?: typeof fetch): typeof fetch;
  /** Patches `window.fetch` (idempotent). */
  install(): void;
  /**
   * Restores exactly the original `window.fetch`. If another script has wrapped fetch since
   * `install()`, its wrapper stays and the widget's layer inside it only passes calls through.
   */
  uninstall(): void;
  /** Dismisses every open panel. */
  dismiss(): void;
  /** For axios: `axios.interceptors.response.use(r => r, Explain402.axiosInterceptor)`. */
  axiosInterceptor(error: unknown): Promise<never>;
  /** For ky: `ky.create({ hooks: { afterResponse: [Explain402.kyAfterResponse] } })`. */
  kyAfterResponse(state: { response: Response }): void;
  /** ky 1's afterResponse signature. */
  kyAfterResponse(request: Request, options: unknown, response: Response): void;
}

declare const Explain402: Explain402;
export default Explain402;
export declare const version: Explain402["version"];
export declare const init: Explain402["init"];
export declare const diagnose: Explain402["diagnose"];
export declare const handle: Explain402["handle"];
export declare const wrapFetch: Explain402["wrapFetch"];
export declare const install: Explain402["install"];
export declare const uninstall: Explain402["uninstall"];
export declare const dismiss: Explain402["dismiss"];
export declare const axiosInterceptor: Explain402["axiosInterceptor"];
export declare const kyAfterResponse: Explain402["kyAfterResponse"];

declare global {
  interface Window {
    Explain402: Explain402;
  }
}
