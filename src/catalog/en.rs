//! English texts: the chrome, the action labels and one entry per built-in cause, in the order
//! of `Cause::ALL`. English is the fallback for every locale; see GLOSSARY.md for the terms.

use super::actions::ActionKind::{ContactSupport, Pay, SignIn, UpdatePayment};
use super::{Builtin, Text, CAUSE_COUNT};

pub(super) static EN: Builtin = Builtin {
    tag: "en",
    ui: [
        "Close",
        "Details for support",
        "HTTP status",
        "Code",
        "Reference",
        "Copy",
        "Copied",
        "Couldn't copy. Select the text and copy it yourself.",
        "Happened {count} times",
        "Notifications",
        "Amount",
        "Network",
        "Resource",
        "Cause",
        "Learn more",
    ],
    labels: [
        "Update payment method",
        "Try again",
        "Sign in",
        "Contact support",
        "Copy reference",
        "Pay[[ {amount}]]",
    ],
    causes: &CAUSES,
};

const PAY_AGAIN: &[(super::ActionKind, &str)] = &[(Pay, "Try paying again")];
const OTHER_METHOD: &[(super::ActionKind, &str)] = &[(UpdatePayment, "Use another method")];
const TELL_OWNER: &[(super::ActionKind, &str)] = &[(ContactSupport, "Let the site owner know")];

static CAUSES: [Text; CAUSE_COUNT] = [
    Text {
        cause: "payment_required",
        title: "Payment needed to continue",
        explanation: "This content or feature needs a payment or an active subscription.[[ The price is {amount}.]]",
        steps: &[
            "Complete the payment or start a subscription on this site.",
            "If you've already paid, sign out and back in, then reload the page.",
            "If it still doesn't work, contact support[[ and mention reference {reference}]].",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_required_onchain",
        title: "Pay with your crypto wallet to continue",
        explanation: "This content is paid for with a crypto wallet.[[ The price is {amount}.]]",
        steps: &[
            "Connect your crypto wallet and approve the payment.",
            "Make sure your wallet has enough balance[[ to pay {amount}]][[ on the {network} network]].",
            "If the content doesn't open after you pay, try again.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_required_lightning",
        title: "Pay with Bitcoin Lightning to continue",
        explanation: "This content is paid for with Lightning, a Bitcoin payment network.[[ The price is {amount}.]]",
        steps: &[
            "Open a Bitcoin wallet that supports Lightning and pay the invoice.",
            "Make sure your wallet has enough balance[[ to pay {amount}]].",
            "If the content doesn't open after you pay, try again.",
        ],
        labels: &[],
    },
    Text {
        cause: "crawler_payment_required",
        title: "Automated access to this site is paid",
        explanation: "The site owner charges automated tools (crawlers) for reading this page.[[ The price is {amount} per request.]]",
        steps: &[
            "If you're browsing normally, reload the page. Your visit may have been mistaken for an automated one.",
            "If you run a crawler, arrange access with the site owner and send the agreed price with each request.",
            "If the problem continues, contact support[[ and mention reference {reference}]].",
        ],
        labels: &[],
    },
    Text {
        cause: "onchain_insufficient_balance",
        title: "Not enough balance in your crypto wallet",
        explanation: "Your crypto wallet doesn't have enough balance for this payment.[[ It needs {amount}.]] No payment was made.",
        steps: &[
            "Add funds to your wallet[[ on the {network} network]][[ so it holds at least {amount}]].",
            "Or connect another wallet that has enough balance.",
            "Then try paying again.",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_signature_invalid",
        title: "The payment couldn't be verified",
        explanation: "The approval from your wallet didn't match what the site asked for, so it was rejected. No payment was made.",
        steps: &[
            "Try paying again, and approve the request in your wallet without changing its details.",
            "Make sure you approve with the same wallet account that is connected to this site.",
            "If it keeps failing, update your wallet app or use another wallet.",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_authorization_expired",
        title: "The time to pay ran out",
        explanation: "A payment request (a wallet approval, an invoice or a payment code) is only valid for a short time, and this one ran out before the payment was completed. No payment was made.",
        steps: &[
            "Start the payment again and complete it right away.",
            "If you pay with a crypto wallet, check that your device's date and time are correct (set them to update automatically).",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_network_mismatch",
        title: "Your wallet is on a different network",
        explanation: "The site accepts payment on a different blockchain network from the one your wallet used.[[ The expected network is {network}.]]",
        steps: &[
            "Switch the network in your wallet[[ to {network}]].",
            "Make sure you have enough balance on that network[[ ({amount})]].",
            "Then try paying again.",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "wallet_approval_required",
        title: "Your wallet needs to give permission first",
        explanation: "Before the first payment with this token, your wallet has to allow the token to be used for payments. You only do this once; it sends no money, but may cost a small network fee.",
        steps: &[
            "Approve the permission request in your wallet, after checking that it comes from this site.",
            "Wait until the approval is confirmed, then try paying again.",
        ],
        labels: &[(Pay, "Approve in wallet")],
    },
    Text {
        cause: "payment_settlement_failed",
        title: "The payment couldn't be completed",
        explanation: "Your wallet approved the payment, but it failed while being processed[[ on {network}]]. This is usually a temporary problem on the payment network or on the site's side.",
        steps: &[
            "Check your wallet's transaction history to see whether any money was sent.",
            "If nothing was sent, try paying again.",
            "If money was sent but the content is still locked, contact support[[ and mention reference {reference}]].",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "insufficient_funds",
        title: "Not enough funds",
        explanation: "The payment was declined because your card, account or e-wallet doesn't have enough balance.[[ The amount was {amount}.]]",
        steps: &[
            "Use another card or payment method.",
            "Or top up your balance, then try again.",
            "If you think there is enough balance, contact your bank or e-wallet provider.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_declined",
        title: "Your card was declined",
        explanation: "Your card's bank declined this payment without giving a reason. The decision came from the bank, not from this site.",
        steps: &[
            "Use another card or payment method.",
            "Call your bank (the number is on the back of your card) to ask why, or to ask them to allow this payment.",
            "Then try again.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_expired",
        title: "Your card has expired",
        explanation: "The card's expiry date has passed, so the bank can't process the payment.",
        steps: &[
            "Use another card that is still valid.",
            "If you've received a replacement card, update the expiry date (and security code) in your payment method.",
            "Then try again.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_incorrect_cvc",
        title: "The card's security code is incorrect",
        explanation: "The security code (CVC/CVV) you entered doesn't match this card.",
        steps: &[
            "Check the 3-digit code on the back of the card (4 digits on the front for American Express) and enter it again.",
            "If the card is still declined, use another card.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_details_invalid",
        title: "Some card details are incorrect",
        explanation: "The card number, expiry date or postal code you entered doesn't match the bank's records.",
        steps: &[
            "Check the card number, the expiry month and year, and the billing postal code.",
            "Enter the details again exactly as they appear on the card.",
            "If it still fails, use another card.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_details_invalid",
        title: "Some payment details are incorrect",
        explanation: "The phone number, account number or virtual account number entered doesn't match an account that can pay.",
        steps: &[
            "Check the number you entered and enter it again exactly as it appears in your app or on your account.",
            "If it still fails, choose another payment method.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_limit_exceeded",
        title: "A payment limit was reached",
        explanation: "The payment was declined because your card or account has reached its spending or transaction limit.[[ The amount was {amount}.]]",
        steps: &[
            "Use another card or payment method.",
            "Or ask your bank or e-wallet provider to raise the limit, then try again.",
            "If it's a daily limit, you can also try again tomorrow.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_not_supported",
        title: "This card can't be used here",
        explanation: "This type of card, or the currency of this payment, isn't supported for this purchase.",
        steps: &[
            "Use a card from another network (such as Visa or Mastercard) or another payment method.",
            "To keep using this card, ask your bank whether it works for online or international payments.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_authentication_required",
        title: "Your bank needs to confirm this payment",
        explanation: "Your card's bank asks you to confirm this payment, for example with a one-time code (OTP) or in your banking app.",
        steps: &[
            "Try again and complete the confirmation that appears (a code by SMS or a prompt in your banking app).",
            "Make sure your browser isn't blocking pop-up windows.",
            "If no confirmation appears, use another card.",
        ],
        labels: &[],
    },
    Text {
        cause: "processing_error_retry",
        title: "The payment couldn't be processed right now",
        explanation: "There was a temporary problem in the payment system. It's usually not a problem with your card or account.",
        steps: &[
            "Wait before trying again[[ (about {retryAfter})]].",
            "If it keeps failing, use another payment method.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_method_not_activated",
        title: "This payment method isn't available",
        explanation: "The site hasn't activated the payment method you chose. The problem is on the site's side, not with your account.",
        steps: &[
            "Choose another payment method, such as a card, a bank transfer or another e-wallet.",
            "Let the site owner know that this method isn't working yet[[ (reference {reference})]].",
        ],
        labels: OTHER_METHOD,
    },
    Text {
        cause: "ewallet_account_blocked",
        title: "Your e-wallet account is blocked",
        explanation: "Your e-wallet provider (such as GoPay or OVO) has blocked or restricted this account, so it can't be used to pay.",
        steps: &[
            "Open your e-wallet app or contact its customer service to restore the account.",
            "In the meantime, pay with another payment method.",
        ],
        labels: OTHER_METHOD,
    },
    Text {
        cause: "credits_exhausted",
        title: "You've run out of credits",
        explanation: "The credit balance on your account is used up, so this request can't be processed.",
        steps: &[
            "Top up your credits on your account's billing page.",
            "Then try again.",
            "To avoid this next time, turn on automatic top-up if the site offers it.",
        ],
        labels: &[(UpdatePayment, "Top up credits")],
    },
    Text {
        cause: "quota_exceeded",
        title: "You've reached your plan's limit",
        explanation: "Your account has used everything its current plan allows for this period.",
        steps: &[
            "Upgrade your plan or add more quota on the billing page.",
            "Or wait until the limit resets[[ (in about {retryAfter})]].",
            "If you use a team account, ask its admin to raise the limit.",
        ],
        labels: &[(UpdatePayment, "Upgrade plan")],
    },
    Text {
        cause: "subscription_past_due",
        title: "Your subscription payment is overdue",
        explanation: "The latest bill for your subscription hasn't been paid, so access is paused for now.[[ The amount due is {amount}.]]",
        steps: &[
            "Pay the outstanding bill or update your payment method on the billing page.",
            "Once the payment goes through, reload this page.",
            "If you think you've already paid, contact support[[ and mention reference {reference}]].",
        ],
        labels: &[],
    },
    Text {
        cause: "service_suspended_billing",
        title: "This site is temporarily unavailable",
        explanation: "The site's service provider has paused it because of a billing issue on the site owner's side. It's not a problem with your account or your payment.",
        steps: &[
            "There's nothing you need to fix. If you'd like to help, let the site owner know so they can sort it out.",
            "Please try again later.",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "merchant_misconfigured",
        title: "Payments on this site aren't working right now",
        explanation: "The site's payment setup has a configuration error, so payments can't be processed. Your payment method and account are fine.",
        steps: &[
            "There's nothing you need to change. Please try again later.",
            "If the payment is urgent, let the site owner know[[ and include reference {reference}]].",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "auth_required",
        title: "Please sign in to continue",
        explanation: "You need to sign in to open this page. Your session may also have ended.",
        steps: &[
            "Sign in to your account, then try again.",
            "If you're already signed in, sign out and back in to refresh your session.",
        ],
        labels: &[],
    },
    Text {
        cause: "forbidden",
        title: "You don't have access to this",
        explanation: "Your account doesn't have permission to open this page or take this action.",
        steps: &[
            "Make sure you're signed in with the right account.",
            "If you think you should have access, ask the account admin or contact support[[ and mention reference {reference}]].",
        ],
        labels: &[(SignIn, "Switch account")],
    },
    Text {
        cause: "rate_limited",
        title: "Too many attempts in a short time",
        explanation: "To keep the service running smoothly, this site limits how many requests can be made in a short time. The limit is only temporary.",
        steps: &[
            "Wait before trying again[[ (about {retryAfter})]].",
            "Avoid reloading the page over and over, as that can make the wait longer.",
        ],
        labels: &[],
    },
    Text {
        cause: "bot_challenge",
        title: "The site needs to check that you're not a robot",
        explanation: "This site's security system needs to run a quick check before you can continue. This is routine and not a problem with your account.",
        steps: &[
            "Reload the page and complete the security check if one appears.",
            "If you use a VPN or an ad or script blocker, try turning it off for this site for now.",
            "Make sure JavaScript and cookies are enabled in your browser.",
        ],
        labels: &[],
    },
    Text {
        cause: "proxy_auth_required",
        title: "Your network's proxy needs you to sign in",
        explanation: "Your internet connection goes through a proxy server (for example at work or school) that asks for a username and password.",
        steps: &[
            "Enter your proxy username and password when your browser asks, then try again.",
            "If you don't know them, ask your network admin or IT team.",
            "Or try another network.",
        ],
        labels: &[],
    },
];
