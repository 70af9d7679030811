// Sets up axios with `Explain402.axiosInterceptor` and ky with `Explain402.kyAfterResponse`, as
// the README shows, and exposes them as `window.libs`.
import Explain402 from "/dist/explain402.mjs";
import axios from "./vendor/axios.js";
import ky from "./vendor/ky/index.js";

const api = axios.create();
api.interceptors.response.use((r) => r, Explain402.axiosInterceptor);
const kyApi = ky.create({ retry: 0, hooks: { afterResponse: [Explain402.kyAfterResponse] } });

window.libs = { Explain402, axios: api, ky: kyApi };
await Explain402.init({ locale: "en" });
document.documentElement.dataset.ready = "true";
