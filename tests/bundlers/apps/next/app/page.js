// A server component (prerendered by `next build`) that renders the client component.
import Checkout from "./checkout";

export default function Page() {
  return (
    <main>
      <h1>Checkout</h1>
      <Checkout />
    </main>
  );
}
