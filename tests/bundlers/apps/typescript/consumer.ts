// A TypeScript --strict consumer of the README's API: it must type-check against the packed
// package's declarations (the `types` export condition) with no `any` and no cast.
import Explain402, { init, handle, diagnose, wrapFetch, install, uninstall, dismiss, axiosInterceptor, kyAfterResponse, version } from "explain402";
import type { Diagnosis, Options, Cause, ActionKind, ResponseLike } from "explain402";

const options: Options = {
  locale: "id",
  statuses: [401, 402, 403, 407, 429],
  mode: "auto",
  theme: "dark",
  supportUrl: "mailto:help@example.co.id",
  paymentUrl: "/billing",
  signInUrl: "/login",
  wasmUrl: "/static/explain402_core_bg.wasm",
  rules: [{ status: 402, code: "PLAN_LIMIT", cause: "upgrade_plan" }],
  messages: {
    id: { card_expired: { title: "Kartu Anda sudah tidak berlaku" }, ui: { close: "Tutup panel" }, actions: { contact_support: "Chat dengan kami" } },
    en: { upgrade_plan: { title: "Your plan is full", steps: ["Upgrade to Pro."], actions: ["update_payment", "contact_support"], labels: { update_payment: "Upgrade" } } },
  },
  onShow: (d: Diagnosis) => d.cause !== "rate_limited",
  onAction: (kind: ActionKind, d: Diagnosis) => console.log(kind, d.reference),
  onPay: (payment: unknown, d: Diagnosis) => console.log(payment, d.details.amount?.value),
  maxBodyBytes: 65536,
  readTimeoutMs: 1500,
  trustedLinkOrigins: ["https://pay.example.com"],
};

export async function checkout(body: string): Promise<unknown> {
  await Explain402.init(options);
  await init();
  const res = await fetch("/api/checkout", { method: "POST", body });
  if (!res.ok) {
    const d: Diagnosis | null = await Explain402.handle(res);
    const cause: Cause | undefined = d?.cause;
    const seconds: number | null | undefined = d?.details.retryAfter;
    console.log(cause, seconds, d?.steps.join("\n"), d?.actions.map((a) => a.label));
  }
  const like: ResponseLike = { status: 402, headers: { "content-type": "application/json" }, body: "{}" };
  const quiet = await diagnose(like);
  console.log(quiet?.title, version, Explain402.version);
  void handle({ status: 429, headers: { "retry-after": ["30"] }, data: { error: "slow down" } });
  const apiFetch: typeof fetch = wrapFetch(fetch);
  install();
  uninstall();
  dismiss();
  window.Explain402.dismiss();
  return (await apiFetch("/api/report")).json();
}

// The axios and ky hooks, with their own signatures.
export const axiosHook: (error: unknown) => Promise<never> = axiosInterceptor;
export const kyHook: (state: { response: Response }) => void = kyAfterResponse;
