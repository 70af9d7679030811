//! Indonesian texts (Bahasa Indonesia, formal "Anda", KBBI spelling): the chrome, the action
//! labels and one entry per built-in cause, in the order of `Cause::ALL`. GLOSSARY.md lists the
//! terms; keep to them.

use super::actions::ActionKind::{ContactSupport, Pay, SignIn, UpdatePayment};
use super::{Builtin, Text, CAUSE_COUNT};

pub(super) static ID: Builtin = Builtin {
    tag: "id",
    ui: [
        "Tutup",
        "Detail untuk tim dukungan",
        "Status HTTP",
        "Kode",
        "Kode referensi",
        "Salin",
        "Disalin",
        "Tidak dapat menyalin. Pilih teksnya, lalu salin secara manual.",
        "Terjadi {count} kali",
        "Pemberitahuan",
        "Jumlah",
        "Jaringan",
        "Sumber daya",
        "Penyebab",
        "Selengkapnya",
    ],
    labels: [
        "Perbarui metode pembayaran",
        "Coba lagi",
        "Masuk",
        "Hubungi dukungan",
        "Salin kode referensi",
        "Bayar[[ {amount}]]",
    ],
    causes: &CAUSES,
};

const PAY_AGAIN: &[(super::ActionKind, &str)] = &[(Pay, "Coba bayar lagi")];
const OTHER_METHOD: &[(super::ActionKind, &str)] = &[(UpdatePayment, "Gunakan metode lain")];
const TELL_OWNER: &[(super::ActionKind, &str)] = &[(ContactSupport, "Beri tahu pemilik situs")];

static CAUSES: [Text; CAUSE_COUNT] = [
    Text {
        cause: "payment_required",
        title: "Pembayaran diperlukan untuk melanjutkan",
        explanation: "Konten atau fitur ini memerlukan pembayaran atau langganan aktif.[[ Harganya {amount}.]]",
        steps: &[
            "Selesaikan pembayaran atau mulai berlangganan di situs ini.",
            "Jika Anda sudah membayar, keluar dari akun, lalu masuk kembali dan muat ulang halaman.",
            "Jika masih belum berhasil, hubungi tim dukungan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_required_onchain",
        title: "Bayar dengan dompet kripto untuk melanjutkan",
        explanation: "Konten ini perlu dibayar dengan dompet kripto.[[ Harganya {amount}.]]",
        steps: &[
            "Hubungkan dompet kripto Anda, lalu setujui pembayarannya.",
            "Pastikan saldo dompet Anda cukup[[ untuk membayar {amount}]][[ di jaringan {network}]].",
            "Jika konten belum terbuka setelah Anda membayar, coba lagi.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_required_lightning",
        title: "Bayar dengan Bitcoin Lightning untuk melanjutkan",
        explanation: "Konten ini perlu dibayar melalui Lightning, jaringan pembayaran Bitcoin.[[ Harganya {amount}.]]",
        steps: &[
            "Buka dompet Bitcoin yang mendukung Lightning, lalu bayar tagihannya.",
            "Pastikan saldo dompet Anda cukup[[ untuk membayar {amount}]].",
            "Jika konten belum terbuka setelah Anda membayar, coba lagi.",
        ],
        labels: &[],
    },
    Text {
        cause: "crawler_payment_required",
        title: "Akses otomatis ke situs ini berbayar",
        explanation: "Pemilik situs mengenakan biaya kepada program otomatis (crawler) yang membaca halaman ini.[[ Harganya {amount} per permintaan.]]",
        steps: &[
            "Jika Anda membuka situs seperti biasa, muat ulang halaman. Kunjungan Anda mungkin dikira akses otomatis.",
            "Jika Anda menjalankan crawler, hubungi pemilik situs untuk mengatur akses, lalu sertakan pembayaran sesuai harga yang disepakati di setiap permintaan.",
            "Jika masalah berlanjut, hubungi tim dukungan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: &[],
    },
    Text {
        cause: "onchain_insufficient_balance",
        title: "Saldo dompet kripto Anda tidak cukup",
        explanation: "Saldo di dompet kripto Anda tidak cukup untuk pembayaran ini.[[ Dibutuhkan {amount}.]] Tidak ada dana yang terpotong.",
        steps: &[
            "Isi saldo dompet Anda[[ di jaringan {network}]][[ hingga minimal {amount}]].",
            "Atau hubungkan dompet lain yang saldonya cukup.",
            "Setelah itu, coba bayar lagi.",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_signature_invalid",
        title: "Pembayaran tidak dapat diverifikasi",
        explanation: "Persetujuan dari dompet Anda tidak sesuai dengan permintaan situs, sehingga ditolak. Tidak ada dana yang terpotong.",
        steps: &[
            "Coba bayar lagi, lalu setujui permintaan di dompet Anda tanpa mengubah detailnya.",
            "Pastikan akun dompet yang Anda pakai untuk menyetujui adalah akun yang terhubung ke situs ini.",
            "Jika masih gagal, perbarui aplikasi dompet Anda atau gunakan dompet lain.",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_authorization_expired",
        title: "Batas waktu pembayaran sudah habis",
        explanation: "Permintaan pembayaran (persetujuan dompet, tagihan, atau kode bayar) hanya berlaku sebentar. Kali ini waktunya habis sebelum pembayaran selesai. Tidak ada dana yang terpotong.",
        steps: &[
            "Mulai pembayaran lagi, lalu segera selesaikan.",
            "Jika Anda membayar dengan dompet kripto, pastikan tanggal dan jam di perangkat Anda sudah benar (aktifkan pengaturan waktu otomatis).",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_network_mismatch",
        title: "Dompet Anda memakai jaringan yang berbeda",
        explanation: "Situs ini menerima pembayaran di jaringan blockchain lain, bukan di jaringan yang dipakai dompet Anda.[[ Jaringan yang diterima: {network}.]]",
        steps: &[
            "Ganti jaringan di dompet Anda[[ ke {network}]].",
            "Pastikan saldo Anda di jaringan tersebut cukup[[ untuk membayar {amount}]].",
            "Setelah itu, coba bayar lagi.",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "wallet_approval_required",
        title: "Dompet Anda perlu memberi izin terlebih dahulu",
        explanation: "Sebelum pembayaran pertama dengan token ini, dompet Anda perlu mengizinkan token tersebut dipakai untuk membayar. Langkah ini hanya perlu dilakukan sekali dan tidak mengirim uang, tetapi mungkin ada sedikit biaya jaringan.",
        steps: &[
            "Pastikan permintaan izin di dompet Anda berasal dari situs ini, lalu setujui permintaan tersebut.",
            "Tunggu sampai izin terkonfirmasi, lalu coba bayar lagi.",
        ],
        labels: &[(Pay, "Setujui di dompet")],
    },
    Text {
        cause: "payment_settlement_failed",
        title: "Pembayaran tidak dapat diselesaikan",
        explanation: "Dompet Anda sudah menyetujui pembayaran, tetapi prosesnya gagal[[ di jaringan {network}]]. Biasanya ini gangguan sementara di jaringan pembayaran atau di sisi situs.",
        steps: &[
            "Periksa riwayat transaksi di dompet Anda untuk melihat apakah ada dana yang terkirim.",
            "Jika tidak ada dana yang terkirim, coba bayar lagi.",
            "Jika dana sudah terkirim tetapi konten masih terkunci, hubungi tim dukungan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "insufficient_funds",
        title: "Saldo tidak mencukupi",
        explanation: "Pembayaran ditolak karena saldo kartu, rekening, atau dompet digital Anda tidak mencukupi.[[ Jumlah pembayarannya {amount}.]]",
        steps: &[
            "Gunakan kartu atau metode pembayaran lain.",
            "Atau isi saldo Anda, lalu coba lagi.",
            "Jika menurut Anda saldonya cukup, hubungi bank atau penyedia dompet digital Anda.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_declined",
        title: "Kartu Anda ditolak",
        explanation: "Bank penerbit kartu Anda menolak pembayaran ini tanpa menyebutkan alasannya. Keputusan ini datang dari bank, bukan dari situs ini.",
        steps: &[
            "Gunakan kartu atau metode pembayaran lain.",
            "Hubungi bank Anda (nomornya tertera di balik kartu) untuk menanyakan alasannya atau meminta agar pembayaran ini diizinkan.",
            "Setelah itu, coba lagi.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_expired",
        title: "Kartu Anda sudah kedaluwarsa",
        explanation: "Masa berlaku kartu ini sudah habis, sehingga bank tidak dapat memproses pembayaran.",
        steps: &[
            "Gunakan kartu lain yang masih berlaku.",
            "Jika Anda sudah menerima kartu pengganti, perbarui tanggal kedaluwarsa dan kode keamanannya di metode pembayaran Anda.",
            "Setelah itu, coba lagi.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_incorrect_cvc",
        title: "Kode keamanan kartu salah",
        explanation: "Kode keamanan (CVC/CVV) yang Anda masukkan tidak cocok dengan kartu ini.",
        steps: &[
            "Periksa kode 3 digit di balik kartu (4 digit di bagian depan untuk American Express), lalu masukkan kembali.",
            "Jika kartu masih ditolak, gunakan kartu lain.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_details_invalid",
        title: "Data kartu tidak sesuai",
        explanation: "Nomor kartu, tanggal kedaluwarsa, atau kode pos yang Anda masukkan tidak sesuai dengan data bank.",
        steps: &[
            "Periksa nomor kartu, bulan dan tahun kedaluwarsa, serta kode pos alamat penagihan.",
            "Masukkan kembali datanya persis seperti yang tertera pada kartu.",
            "Jika masih gagal, gunakan kartu lain.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_details_invalid",
        title: "Data pembayaran tidak sesuai",
        explanation: "Nomor ponsel, nomor rekening, atau nomor virtual account yang Anda masukkan tidak cocok dengan akun yang dapat dipakai untuk membayar.",
        steps: &[
            "Periksa nomor yang Anda masukkan, lalu masukkan kembali persis seperti yang tertera di aplikasi atau akun Anda.",
            "Jika masih gagal, pilih metode pembayaran lain.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_limit_exceeded",
        title: "Batas pembayaran sudah tercapai",
        explanation: "Pembayaran ditolak karena kartu atau akun Anda sudah mencapai batas belanja atau batas transaksinya.[[ Jumlah pembayarannya {amount}.]]",
        steps: &[
            "Gunakan kartu atau metode pembayaran lain.",
            "Atau minta bank atau penyedia dompet digital Anda menaikkan batasnya, lalu coba lagi.",
            "Jika itu batas harian, Anda juga bisa mencoba lagi besok.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_not_supported",
        title: "Kartu ini tidak dapat digunakan di sini",
        explanation: "Jenis kartu ini atau mata uang pembayarannya tidak didukung untuk transaksi ini.",
        steps: &[
            "Gunakan kartu dari jaringan lain (misalnya Visa atau Mastercard) atau metode pembayaran lain.",
            "Jika ingin tetap memakai kartu ini, tanyakan kepada bank Anda apakah kartu tersebut bisa dipakai untuk transaksi daring atau internasional.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_authentication_required",
        title: "Bank Anda perlu mengonfirmasi pembayaran ini",
        explanation: "Bank penerbit kartu meminta Anda mengonfirmasi pembayaran ini, misalnya dengan kode OTP atau melalui aplikasi bank.",
        steps: &[
            "Coba lagi, lalu selesaikan konfirmasi yang muncul (kode OTP lewat SMS atau notifikasi di aplikasi bank).",
            "Pastikan browser Anda tidak memblokir jendela pop-up.",
            "Jika konfirmasi tidak muncul, gunakan kartu lain.",
        ],
        labels: &[],
    },
    Text {
        cause: "processing_error_retry",
        title: "Pembayaran belum dapat diproses saat ini",
        explanation: "Terjadi gangguan sementara pada sistem pembayaran. Biasanya ini bukan masalah pada kartu atau akun Anda.",
        steps: &[
            "Tunggu sebelum mencoba lagi[[ (sekitar {retryAfter})]].",
            "Jika terus gagal, gunakan metode pembayaran lain.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_method_not_activated",
        title: "Metode pembayaran ini belum tersedia",
        explanation: "Situs ini belum mengaktifkan metode pembayaran yang Anda pilih. Masalahnya ada di sisi situs, bukan pada akun Anda.",
        steps: &[
            "Pilih metode pembayaran lain, misalnya kartu, transfer bank, atau dompet digital lain.",
            "Beri tahu pemilik situs bahwa metode ini belum bisa digunakan[[ (kode referensi {reference})]].",
        ],
        labels: OTHER_METHOD,
    },
    Text {
        cause: "ewallet_account_blocked",
        title: "Akun dompet digital Anda diblokir",
        explanation: "Penyedia dompet digital Anda (misalnya GoPay, OVO, atau DANA) memblokir atau membatasi akun Anda, sehingga akun itu tidak dapat dipakai untuk membayar.",
        steps: &[
            "Buka aplikasi dompet digital Anda atau hubungi layanan pelanggannya untuk memulihkan akun.",
            "Sementara itu, bayar dengan metode pembayaran lain.",
        ],
        labels: OTHER_METHOD,
    },
    Text {
        cause: "credits_exhausted",
        title: "Kredit Anda sudah habis",
        explanation: "Saldo kredit di akun Anda sudah habis, sehingga permintaan ini tidak dapat diproses.",
        steps: &[
            "Isi ulang kredit di halaman tagihan akun Anda.",
            "Setelah itu, coba lagi.",
            "Agar tidak terulang, aktifkan isi ulang otomatis jika tersedia.",
        ],
        labels: &[(UpdatePayment, "Isi ulang kredit")],
    },
    Text {
        cause: "quota_exceeded",
        title: "Batas paket Anda sudah tercapai",
        explanation: "Akun Anda sudah menghabiskan kuota paketnya untuk periode ini.",
        steps: &[
            "Tingkatkan paket Anda atau tambah kuota di halaman tagihan.",
            "Atau tunggu sampai kuota Anda diperbarui[[ (sekitar {retryAfter} lagi)]].",
            "Jika Anda memakai akun tim, minta admin akun untuk menaikkan batasnya.",
        ],
        labels: &[(UpdatePayment, "Tingkatkan paket")],
    },
    Text {
        cause: "subscription_past_due",
        title: "Tagihan langganan Anda belum dibayar",
        explanation: "Tagihan terakhir langganan Anda belum dibayar, sehingga akses Anda dihentikan sementara.[[ Jumlah tagihannya {amount}.]]",
        steps: &[
            "Lunasi tagihan tersebut atau perbarui metode pembayaran di halaman tagihan.",
            "Setelah pembayaran berhasil, muat ulang halaman ini.",
            "Jika Anda merasa sudah membayar, hubungi tim dukungan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: &[],
    },
    Text {
        cause: "service_suspended_billing",
        title: "Situs ini sementara tidak tersedia",
        explanation: "Situs ini dinonaktifkan sementara oleh penyedia layanannya karena ada masalah tagihan di pihak pemilik situs. Ini bukan masalah pada akun atau pembayaran Anda.",
        steps: &[
            "Tidak ada yang perlu Anda perbaiki. Jika berkenan, beri tahu pemilik situs agar mereka dapat segera menanganinya.",
            "Silakan coba lagi nanti.",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "merchant_misconfigured",
        title: "Pembayaran di situs ini sedang bermasalah",
        explanation: "Ada kesalahan pengaturan pembayaran di sisi situs, sehingga pembayaran belum dapat diproses. Metode pembayaran dan akun Anda tidak bermasalah.",
        steps: &[
            "Tidak ada yang perlu Anda ubah. Silakan coba lagi nanti.",
            "Jika pembayaran ini mendesak, beri tahu pemilik situs[[ dan sertakan kode referensi {reference}]].",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "auth_required",
        title: "Silakan masuk untuk melanjutkan",
        explanation: "Halaman ini hanya dapat dibuka setelah Anda masuk. Mungkin juga sesi Anda sudah berakhir.",
        steps: &[
            "Masuk ke akun Anda, lalu coba lagi.",
            "Jika Anda sudah masuk, keluar dari akun, lalu masuk kembali untuk memperbarui sesi.",
        ],
        labels: &[],
    },
    Text {
        cause: "forbidden",
        title: "Anda tidak memiliki akses",
        explanation: "Akun Anda tidak memiliki izin untuk membuka halaman ini atau melakukan tindakan ini.",
        steps: &[
            "Pastikan Anda masuk dengan akun yang benar.",
            "Jika Anda merasa seharusnya memiliki akses, minta admin akun untuk memberikannya atau hubungi tim dukungan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: &[(SignIn, "Ganti akun")],
    },
    Text {
        cause: "rate_limited",
        title: "Terlalu banyak percobaan dalam waktu singkat",
        explanation: "Agar layanan tetap lancar, situs ini membatasi jumlah permintaan yang dapat dikirim dalam waktu singkat. Pembatasan ini hanya sementara.",
        steps: &[
            "Tunggu sebelum mencoba lagi[[ (sekitar {retryAfter})]].",
            "Hindari memuat ulang halaman berkali-kali karena hal itu justru dapat memperpanjang waktu tunggu.",
        ],
        labels: &[],
    },
    Text {
        cause: "bot_challenge",
        title: "Situs ini perlu memastikan Anda bukan robot",
        explanation: "Sistem keamanan situs ini perlu melakukan pemeriksaan singkat sebelum Anda dapat melanjutkan. Ini hal biasa dan bukan masalah pada akun Anda.",
        steps: &[
            "Muat ulang halaman, lalu selesaikan pemeriksaan keamanan jika muncul.",
            "Jika Anda memakai VPN, pemblokir iklan, atau pemblokir skrip, coba nonaktifkan sementara untuk situs ini.",
            "Pastikan JavaScript dan cookie aktif di browser Anda.",
        ],
        labels: &[],
    },
    Text {
        cause: "proxy_auth_required",
        title: "Server proksi meminta Anda masuk",
        explanation: "Koneksi internet Anda melewati server proksi (misalnya di kantor atau sekolah) yang meminta nama pengguna dan kata sandi.",
        steps: &[
            "Masukkan nama pengguna dan kata sandi proksi saat diminta oleh browser, lalu coba lagi.",
            "Jika Anda tidak mengetahuinya, tanyakan kepada admin jaringan atau tim IT.",
            "Atau coba gunakan jaringan lain.",
        ],
        labels: &[],
    },
];
