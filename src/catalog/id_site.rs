//! Indonesian texts for a diagnosis only the site's team can act on (`Party::Site`): one entry per
//! cause with a site variant, in the order of `Cause::ALL`. GLOSSARY.md, "Whose account
//! (party)", says what a site text must say.

use super::actions::ActionKind::ContactSupport;
use super::{Text, SITE_COUNT};

const TELL_OWNER: &[(super::ActionKind, &str)] = &[(ContactSupport, "Beri tahu pemilik situs")];

/// The texts for a diagnosis only the site's team can act on (`Party::Site`), for the causes
/// that can be either party (`Cause::has_site_variant`), in the order of `Cause::ALL`. Like the
/// English ones, they never ask the visitor to top up, upgrade or pay.
pub(super) const SITE: [Text; SITE_COUNT] = [
    Text {
        cause: "credits_exhausted",
        title: "Saldo kredit situs ini sudah habis",
        explanation: "Salah satu layanan yang dipakai situs ini tidak dapat digunakan karena saldo kredit milik situs sudah habis. Ini bukan masalah pada akun Anda, dan tidak ada yang perlu Anda bayar.",
        steps: &[
            "Masalah ini hanya bisa diatasi oleh tim situs dengan mengisi ulang kredit mereka.",
            "Beri tahu pemilik situs[[ dan sebutkan kode referensi {reference}]] agar masalahnya bisa segera ditangani.",
            "Silakan coba lagi nanti.",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "quota_exceeded",
        title: "Situs ini sudah mencapai batas pemakaiannya",
        explanation: "Salah satu layanan yang dipakai situs ini tidak dapat digunakan untuk sementara karena kuota paket milik situs sudah habis. Ini bukan masalah pada akun Anda, dan tidak ada paket yang perlu Anda tingkatkan.",
        steps: &[
            "Masalah ini hanya bisa diatasi oleh tim situs dengan menaikkan batas pemakaian mereka.",
            "Silakan coba lagi nanti[[, sekitar {retryAfter} lagi]].",
            "Jika mendesak, beri tahu pemilik situs[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "subscription_past_due",
        title: "Situs ini sedang mengalami masalah tagihan",
        explanation: "Salah satu layanan yang dipakai situs ini dihentikan sementara karena ada masalah tagihan di pihak situs. Ini bukan masalah pada akun atau pembayaran Anda.",
        steps: &[
            "Tidak ada yang perlu Anda bayar atau ubah. Masalah ini hanya bisa diatasi oleh tim situs.",
            "Beri tahu pemilik situs[[ dan sebutkan kode referensi {reference}]] agar masalahnya bisa segera ditangani.",
            "Silakan coba lagi nanti.",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "forbidden",
        title: "Situs ini belum dapat memproses permintaan Anda",
        explanation: "Salah satu layanan yang dipakai situs ini menolak akses situs. Ini bukan masalah pada akun Anda.",
        steps: &[
            "Tidak ada yang perlu Anda ubah. Masalah ini hanya bisa diatasi oleh tim situs.",
            "Jika mendesak, beri tahu pemilik situs[[ dan sebutkan kode referensi {reference}]].",
            "Silakan coba lagi nanti.",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "rate_limited",
        title: "Situs ini sedang sibuk",
        explanation: "Salah satu layanan yang dipakai situs ini sedang membatasi jumlah permintaan dari situs sehingga sebagian permintaan ditahan untuk sementara. Ini bukan karena tindakan Anda.",
        steps: &[
            "Coba lagi nanti[[, sekitar {retryAfter} lagi]].",
            "Jika masalah ini terus terjadi, beri tahu pemilik situs[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: TELL_OWNER,
    },
];
