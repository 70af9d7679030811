//! English texts: the chrome, the action labels and one entry per built-in cause, in the order
//! of `Cause::ALL`. English is the fallback for every locale; see GLOSSARY.md for the terms.

use super::actions::ActionKind::{ContactSupport, Pay, SignIn, UpdatePayment};
use super::{Builtin, Text, CAUSE_COUNT};

pub(super) const EN: Builtin = Builtin {
    tag: "en",
    ui: [
        "Close",
        "Details for support",
        "HTTP status",
        "Error code",
        "Reference",
        "Copy",
        "Copied",
        "Couldn't copy. Select the text and copy it yourself.",
        "Happened {count} times",
        "Notifications",
        "Amount",
        "Network",
        "Content",
        "Cause",
        "Learn more",
        "Reload page",
        "Wait {time}",
        "You can try again now.",
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
    site: &super::en_site::SITE,
};

const PAY_AGAIN: &[(super::ActionKind, &str)] = &[(Pay, "Try paying again")];
const OTHER_METHOD: &[(super::ActionKind, &str)] = &[(UpdatePayment, "Use another method")];
const TELL_OWNER: &[(super::ActionKind, &str)] = &[(ContactSupport, "Tell the site owner")];

const CAUSES: [Text; CAUSE_COUNT] = [
    Text {
        cause: "payment_required",
        title: "Payment needed to continue",
        explanation: "This content or feature needs a payment or an active subscription.[[ The price is {amount}.]]",
        steps: &[
            "Complete the payment or start a subscription on this site.",
            "If you've already paid, sign out and back in, then reload the page.",
            "If it still doesn't work, contact support[[ and quote reference {reference}]].",
        ],
        labels: &[(UpdatePayment, "Pay or subscribe")],
    },
    Text {
        cause: "payment_required_onchain",
        title: "Pay with your crypto wallet to continue",
        explanation: "You need to pay with a crypto wallet to open this content.[[ The price is {amount}.]]",
        steps: &[
            "Connect your crypto wallet and approve the payment.",
            "Make sure your wallet has enough funds[[ on the {network} network]][[ to pay {amount}]].",
            "If the content doesn't open after you pay, check your wallet's transaction history before trying again, so you don't pay twice.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_required_lightning",
        title: "Pay with Bitcoin Lightning to continue",
        explanation: "This content has to be paid for with Lightning, a Bitcoin payment network.[[ The price is {amount}.]]",
        steps: &[
            "Open a Bitcoin wallet that supports Lightning and pay the invoice this site shows.",
            "Make sure your wallet has enough funds[[ to pay {amount}]].",
            "If the content doesn't open after you pay, check your wallet's transaction history before trying again, so you don't pay twice.",
        ],
        labels: &[],
    },
    Text {
        cause: "crawler_payment_required",
        title: "Automated access to this site isn't free",
        explanation: "The site owner charges automated tools (crawlers) for accessing this page.[[ The price is {amount} per request.]]",
        steps: &[
            "If you're browsing normally, your visit may have been mistaken for an automated one. Turn off any VPN or browser extension for this site for now, then reload the page.",
            "If the problem continues, contact support[[ and quote reference {reference}]].",
        ],
        labels: &[],
    },
    Text {
        cause: "onchain_insufficient_balance",
        title: "Not enough funds in your crypto wallet",
        explanation: "Your crypto wallet doesn't have enough funds for this payment.[[ You need {amount}.]] No payment was made.",
        steps: &[
            "Add funds to your wallet[[ on the {network} network]][[ so it can cover {amount}]].",
            "Or connect another wallet that has enough funds.",
            "Then try paying again.",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_signature_invalid",
        title: "The payment couldn't be verified",
        explanation: "The approval from your wallet didn't match what the site asked for, so the payment was rejected. No payment was made.",
        steps: &[
            "Try paying again, and approve the request in your wallet without changing its details.",
            "Approve with the wallet account that is connected to this site, not another one.",
            "If it keeps failing, update your wallet app, use another wallet or contact support[[ and quote reference {reference}]].",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_authorization_expired",
        title: "Your time to pay has run out",
        explanation: "A payment request (a wallet approval, an invoice or a payment code) is only valid for a short time, and this one expired before the payment was completed. No payment was made.",
        steps: &[
            "Start the payment again and complete it before the time runs out.",
            "If you pay with a crypto wallet, check that your device's date and time are correct (set them to update automatically).",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_network_mismatch",
        title: "Your wallet is on a different network",
        explanation: "This site only accepts payment on a particular blockchain network, and your wallet used another one.[[ This site accepts {network}.]]",
        steps: &[
            "Switch the network in your wallet[[ to {network}]].",
            "Make sure you have enough funds on that network[[ to pay {amount}]].",
            "Then try paying again.",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "wallet_approval_required",
        title: "Approve this token in your wallet first",
        explanation: "Before your first payment with this token, you need to allow it to be used for payments. You only do this once, in your wallet; it sends no money, but may cost a small network fee.",
        steps: &[
            "Approve the permission request in your wallet, after checking that it comes from this site.",
            "Make sure your wallet holds a little of the network's own coin (such as ETH) for the fee.",
            "Wait until the approval is confirmed, then try paying again.",
        ],
        labels: &[(Pay, "Approve in wallet")],
    },
    Text {
        cause: "payment_settlement_failed",
        title: "The payment couldn't be completed",
        explanation: "You approved the payment in your wallet, but it couldn't be completed[[ on {network}]]. This is usually a temporary problem on the payment network or on the site's side.",
        steps: &[
            "Check your wallet's transaction history to see whether any money was sent.",
            "If nothing was sent, try paying again.",
            "If money was sent but the content is still locked, contact support[[ and quote reference {reference}]].",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "insufficient_funds",
        title: "Not enough funds",
        explanation: "The payment was declined because your account balance, card limit or e-wallet balance isn't enough.[[ The amount was {amount}.]]",
        steps: &[
            "Use another card or payment method.",
            "Or top up your balance, then try again.",
            "If you think you have enough funds, contact your bank or e-wallet provider.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_declined",
        title: "Your card was declined",
        explanation: "This payment was declined without a reason. Usually the decline comes from the bank that issued your card.",
        steps: &[
            "Use another card or payment method.",
            "Call your bank (the number is on the back of your card) to ask why, or to ask them to allow this payment.",
            "If your bank finds nothing wrong with your card, contact this site's support.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_expired",
        title: "Your card has expired",
        explanation: "The card's expiry date has passed, so the bank can't process the payment.",
        steps: &[
            "Use another card that is still valid.",
            "If you've received a replacement card, enter its details (number, expiry date and security code).",
            "Then try again.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_incorrect_cvc",
        title: "The card's security code is incorrect",
        explanation: "The security code (CVC/CVV) you entered doesn't match this card.",
        steps: &[
            "Check the three-digit code on the back of the card (four digits on the front for American Express) and enter it again.",
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
            "Enter the card details exactly as they appear on the card, and the postal code your bank has on file.",
            "If it still fails, use another card.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_details_invalid",
        title: "Some payment details are incorrect",
        explanation: "The phone number, account number or virtual account number you entered doesn't match an account that can make this payment.",
        steps: &[
            "Check the number and enter it again exactly as it appears in your e-wallet or banking app.",
            "For a virtual account, copy the number from the payment instructions rather than typing it.",
            "If it still fails, choose another payment method.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_limit_exceeded",
        title: "You've reached a transaction limit",
        explanation: "The payment was declined because your card or e-wallet has reached its transaction limit.[[ The amount was {amount}.]]",
        steps: &[
            "Use another card or payment method.",
            "You can also ask your bank or e-wallet provider to raise the limit, then try again.",
            "If it's a daily limit, you can also try again tomorrow.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_not_supported",
        title: "This card can't be used here",
        explanation: "This card can't be used for this kind of purchase or this currency.",
        steps: &[
            "Use another card or payment method.",
            "To keep using this card, ask your bank whether it works for online or international payments.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_authentication_required",
        title: "Your bank needs to confirm this payment",
        explanation: "The bank that issued your card asks you to confirm this payment, for example with a one-time code (OTP) or in your banking app.",
        steps: &[
            "Try again and complete the confirmation that appears (a code by SMS or a prompt in your banking app).",
            "Make sure your browser isn't blocking pop-up windows.",
            "If no confirmation appears, use another card.",
        ],
        labels: &[],
    },
    Text {
        cause: "processing_error_retry",
        title: "The payment couldn't be processed",
        explanation: "There was a temporary problem in the payment system. It's usually not a problem with your card or account.",
        steps: &[
            "Try again later[[, in about {retryAfter}]].",
            "If it keeps failing, use another payment method.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_method_not_activated",
        title: "This payment method isn't available",
        explanation: "The site hasn't activated the payment method you chose. It's not a problem with your account.",
        steps: &[
            "Choose another payment method, such as a card, a bank transfer or an e-wallet.",
            "Tell the site owner that this method isn't working yet[[ and quote reference {reference}]].",
        ],
        labels: &[(UpdatePayment, "Use another method"), (ContactSupport, "Tell the site owner")],
    },
    Text {
        cause: "ewallet_account_blocked",
        title: "Your e-wallet account is blocked",
        explanation: "Your e-wallet provider has blocked or restricted your account, so it can't be used to pay.",
        steps: &[
            "Open your e-wallet app or contact its customer service to restore the account.",
            "In the meantime, pay with another payment method.",
        ],
        labels: OTHER_METHOD,
    },
    Text {
        cause: "credits_exhausted",
        title: "Out of credits",
        explanation: "The credit balance on this account is used up, so this request can't be processed.",
        steps: &[
            "Top up your credits on your account's billing page.",
            "Then try again.",
            "To avoid this next time, turn on automatic top-up if the site offers it.",
            "If you don't manage billing for this account, contact support.",
        ],
        labels: &[(UpdatePayment, "Top up credits")],
    },
    Text {
        cause: "quota_exceeded",
        title: "You've used up your plan's quota",
        explanation: "This account has used everything its plan allows for this period.",
        steps: &[
            "Upgrade your plan or add more quota on the billing page.",
            "Or wait until the quota resets[[, in about {retryAfter}]].",
            "If you don't manage this account's plan, ask its admin to raise the limit or contact support.",
        ],
        labels: &[(UpdatePayment, "Upgrade plan")],
    },
    Text {
        cause: "subscription_past_due",
        title: "Your subscription payment is overdue",
        explanation: "Access is paused until the latest bill for your subscription is paid.[[ The amount due is {amount}.]]",
        steps: &[
            "Pay the outstanding bill or update your payment method on the billing page.",
            "Once the payment goes through, reload this page.",
            "If you think you've already paid, or you don't manage billing for this account, contact support[[ and quote reference {reference}]].",
        ],
        labels: &[],
    },
    Text {
        cause: "service_suspended_billing",
        title: "This site's service is paused for now",
        explanation: "The site's service provider has paused a service it runs because of a billing issue on the site owner's side. It's not a problem with your account or your payment.",
        steps: &[
            "There's nothing you need to fix. If you'd like to help, tell the site owner so they can sort it out.",
            "Please try again later.",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "merchant_misconfigured",
        title: "There's a setup problem on this site",
        explanation: "A setting on the site's side is wrong, so your request can't be processed yet. It's not a problem with your account or payment method.",
        steps: &[
            "There's nothing you need to change. Please try again later.",
            "If it's urgent, tell the site owner[[ and quote reference {reference}]].",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "auth_required",
        title: "Please sign in to continue",
        explanation: "You need to sign in to open this page or do this. If you were signed in, your session may have ended.",
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
            "If you think you should have access, ask the account admin for it or contact support[[ and quote reference {reference}]].",
        ],
        labels: &[(SignIn, "Switch account")],
    },
    Text {
        cause: "rate_limited",
        title: "Too many requests right now",
        explanation: "This site is limiting access because of too many requests in a short time. The limit is only temporary.",
        steps: &[
            "Try again later[[, in about {retryAfter}]].",
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
            "If you use a VPN or an ad or script blocker, try pausing it for this site.",
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
            "If you don't use a proxy, the problem may be on the site's side. Please try again later.",
        ],
        labels: &[],
    },
];
