//! Indonesian texts (Bahasa Indonesia, formal "Anda", KBBI spelling): the chrome, the action
//! labels and one entry per built-in cause, in the order of `Cause::ALL`. GLOSSARY.md lists the
//! terms; keep to them.

use super::actions::ActionKind::{ContactSupport, Pay, SignIn, UpdatePayment};
use super::{Builtin, Text, CAUSE_COUNT};

pub(super) const ID: Builtin = Builtin {
    tag: "id",
    ui: [
        "Tutup",
        "Info untuk layanan pelanggan",
        "Status HTTP",
        "Kode kesalahan",
        "Kode referensi",
        "Salin",
        "Disalin",
        "Tidak dapat menyalin. Pilih teksnya, lalu salin secara manual.",
        "Terjadi {count} kali",
        "Pemberitahuan",
        "Jumlah",
        "Jaringan",
        "Konten",
        "Penyebab",
        "Selengkapnya",
        "Muat ulang halaman",
        "Tunggu {time}",
        "Sekarang Anda bisa mencoba lagi.",
    ],
    labels: [
        "Ganti metode pembayaran",
        "Coba lagi",
        "Masuk",
        "Hubungi layanan pelanggan",
        "Salin kode referensi",
        "Bayar[[ {amount}]]",
    ],
    causes: &CAUSES,
    site: &super::id_site::SITE,
};

const PAY_AGAIN: &[(super::ActionKind, &str)] = &[(Pay, "Coba bayar lagi")];
const OTHER_METHOD: &[(super::ActionKind, &str)] = &[(UpdatePayment, "Gunakan metode lain")];
const TELL_OWNER: &[(super::ActionKind, &str)] = &[(ContactSupport, "Beri tahu pemilik situs")];

const CAUSES: [Text; CAUSE_COUNT] = [
    Text {
        cause: "payment_required",
        title: "Lakukan pembayaran untuk melanjutkan",
        explanation: "Konten atau fitur ini memerlukan pembayaran atau langganan aktif.[[ Harganya {amount}.]]",
        steps: &[
            "Selesaikan pembayaran atau mulai berlangganan di situs ini.",
            "Jika Anda sudah membayar, keluar dari akun dan masuk kembali, lalu muat ulang halaman.",
            "Jika masih belum berhasil, hubungi layanan pelanggan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: &[(UpdatePayment, "Bayar atau berlangganan")],
    },
    Text {
        cause: "payment_required_onchain",
        title: "Bayar dengan dompet kripto untuk melanjutkan",
        explanation: "Untuk membuka konten ini, Anda perlu membayar dengan dompet kripto.[[ Harganya {amount}.]]",
        steps: &[
            "Hubungkan dompet kripto Anda, lalu setujui pembayarannya.",
            "Pastikan saldo dompet Anda[[ di jaringan {network}]] cukup[[ untuk membayar {amount}]].",
            "Jika konten belum terbuka setelah Anda membayar, periksa riwayat transaksi di dompet Anda sebelum mencoba lagi agar tidak membayar dua kali.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_required_lightning",
        title: "Bayar dengan Bitcoin Lightning untuk melanjutkan",
        explanation: "Untuk membuka konten ini, Anda perlu membayar melalui Lightning, jaringan pembayaran Bitcoin.[[ Harganya {amount}.]]",
        steps: &[
            "Buka dompet Bitcoin yang mendukung Lightning, lalu bayar tagihan yang ditampilkan situs ini.",
            "Pastikan saldo dompet Anda cukup[[ untuk membayar {amount}]].",
            "Jika konten belum terbuka setelah Anda membayar, periksa riwayat transaksi di dompet Anda sebelum mencoba lagi agar tidak membayar dua kali.",
        ],
        labels: &[],
    },
    Text {
        cause: "crawler_payment_required",
        title: "Akses otomatis ke situs ini berbayar",
        explanation: "Pemilik situs mengenakan biaya kepada program otomatis (crawler) yang mengakses halaman ini.[[ Harganya {amount} per permintaan.]]",
        steps: &[
            "Jika Anda membuka situs ini seperti biasa, kunjungan Anda mungkin dikira akses otomatis. Nonaktifkan sementara VPN atau ekstensi browser untuk situs ini, lalu muat ulang halaman.",
            "Jika masalah berlanjut, hubungi layanan pelanggan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: &[],
    },
    Text {
        cause: "onchain_insufficient_balance",
        title: "Saldo dompet kripto Anda tidak mencukupi",
        explanation: "Pembayaran ini belum dapat dilakukan karena saldo dompet kripto Anda kurang.[[ Dibutuhkan {amount}.]] Saldo Anda tidak terpotong.",
        steps: &[
            "Isi saldo dompet Anda[[ di jaringan {network}]][[ agar cukup untuk membayar {amount}]].",
            "Atau hubungkan dompet lain yang saldonya cukup.",
            "Setelah itu, coba bayar lagi.",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_signature_invalid",
        title: "Pembayaran tidak dapat diverifikasi",
        explanation: "Persetujuan dari dompet Anda tidak cocok dengan permintaan situs sehingga pembayaran ditolak. Saldo Anda tidak terpotong.",
        steps: &[
            "Coba bayar lagi, lalu setujui permintaan di dompet Anda tanpa mengubah detailnya.",
            "Setujui dengan akun dompet yang terhubung ke situs ini, bukan akun lain.",
            "Jika masih gagal, perbarui aplikasi dompet Anda, gunakan dompet lain, atau hubungi layanan pelanggan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_authorization_expired",
        title: "Batas waktu pembayaran sudah habis",
        explanation: "Pembayaran (persetujuan dompet, tagihan, atau kode pembayaran) harus diselesaikan dalam batas waktu tertentu, dan batas waktu itu sudah habis. Saldo Anda tidak terpotong.",
        steps: &[
            "Ulangi pembayaran, lalu selesaikan sebelum batas waktunya habis.",
            "Jika Anda membayar dengan dompet kripto, pastikan tanggal dan jam di perangkat Anda sudah benar (aktifkan pengaturan waktu otomatis).",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "payment_network_mismatch",
        title: "Dompet Anda memakai jaringan yang berbeda",
        explanation: "Situs ini hanya menerima pembayaran di jaringan blockchain tertentu, dan dompet Anda memakai jaringan lain.[[ Jaringan yang diterima: {network}.]]",
        steps: &[
            "Ganti jaringan di dompet Anda[[ ke {network}]].",
            "Pastikan saldo Anda di jaringan tersebut cukup[[ untuk membayar {amount}]].",
            "Setelah itu, coba bayar lagi.",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "wallet_approval_required",
        title: "Beri izin di dompet Anda terlebih dahulu",
        explanation: "Sebelum pembayaran pertama dengan token ini, Anda perlu mengizinkan token tersebut dipakai di dompet Anda. Izin ini cukup diberikan sekali dan tidak memindahkan dana, tetapi mungkin ada sedikit biaya jaringan.",
        steps: &[
            "Periksa apakah permintaan izin di dompet Anda berasal dari situs ini, lalu setujui permintaan tersebut.",
            "Pastikan dompet Anda memiliki sedikit koin jaringan (misalnya ETH) untuk biaya jaringan.",
            "Tunggu sampai izin terkonfirmasi, lalu coba bayar lagi.",
        ],
        labels: &[(Pay, "Setujui di dompet")],
    },
    Text {
        cause: "payment_settlement_failed",
        title: "Pembayaran tidak dapat diselesaikan",
        explanation: "Anda sudah menyetujui pembayaran di dompet, tetapi prosesnya gagal[[ di jaringan {network}]]. Biasanya ini terjadi karena gangguan sementara di jaringan pembayaran atau di sisi situs.",
        steps: &[
            "Periksa riwayat transaksi di dompet Anda untuk melihat apakah ada dana yang terkirim.",
            "Jika tidak ada dana yang terkirim, coba bayar lagi.",
            "Jika dana sudah terkirim tetapi konten masih terkunci, hubungi layanan pelanggan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: PAY_AGAIN,
    },
    Text {
        cause: "insufficient_funds",
        title: "Saldo tidak mencukupi",
        explanation: "Pembayaran ditolak karena saldo rekening, limit kartu, atau saldo dompet digital Anda tidak mencukupi.[[ Jumlah pembayarannya {amount}.]]",
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
        explanation: "Pembayaran ini ditolak tanpa keterangan alasan. Biasanya penolakan ini datang dari bank penerbit kartu Anda.",
        steps: &[
            "Gunakan kartu atau metode pembayaran lain.",
            "Hubungi bank Anda (nomornya tertera di bagian belakang kartu) untuk menanyakan alasannya atau meminta agar pembayaran ini diizinkan.",
            "Jika bank tidak menemukan masalah pada kartu Anda, hubungi layanan pelanggan situs ini.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_expired",
        title: "Kartu Anda sudah kedaluwarsa",
        explanation: "Masa berlaku kartu ini sudah habis sehingga bank tidak dapat memproses pembayaran.",
        steps: &[
            "Gunakan kartu lain yang masih berlaku.",
            "Jika Anda sudah menerima kartu pengganti, masukkan data kartu baru tersebut (nomor, tanggal kedaluwarsa, dan kode keamanan).",
            "Setelah itu, coba lagi.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_incorrect_cvc",
        title: "Kode keamanan kartu salah",
        explanation: "Kode keamanan (CVC/CVV) yang Anda masukkan tidak cocok dengan kartu ini.",
        steps: &[
            "Periksa kode tiga digit di bagian belakang kartu (empat digit di bagian depan untuk American Express), lalu masukkan kembali.",
            "Jika kartu masih ditolak, gunakan kartu lain.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_details_invalid",
        title: "Data kartu salah",
        explanation: "Nomor kartu, tanggal kedaluwarsa, atau kode pos yang Anda masukkan tidak cocok dengan data bank.",
        steps: &[
            "Periksa nomor kartu, bulan dan tahun kedaluwarsa, serta kode pos alamat penagihan.",
            "Masukkan kembali data kartu persis seperti yang tertera pada kartu, dan kode pos sesuai alamat yang terdaftar di bank.",
            "Jika masih gagal, gunakan kartu lain.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_details_invalid",
        title: "Data pembayaran salah",
        explanation: "Nomor ponsel, nomor rekening, atau nomor virtual account yang Anda masukkan tidak cocok dengan akun yang dapat dipakai untuk pembayaran ini.",
        steps: &[
            "Periksa nomornya, lalu masukkan kembali persis seperti yang tertera di aplikasi dompet digital atau aplikasi bank Anda.",
            "Untuk virtual account, salin nomornya dari petunjuk pembayaran agar tidak salah ketik.",
            "Jika masih gagal, pilih metode pembayaran lain.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_limit_exceeded",
        title: "Batas transaksi sudah tercapai",
        explanation: "Pembayaran ditolak karena kartu atau dompet digital Anda sudah mencapai batas transaksinya.[[ Jumlah pembayarannya {amount}.]]",
        steps: &[
            "Gunakan kartu atau metode pembayaran lain.",
            "Anda juga bisa meminta bank atau penyedia dompet digital Anda menaikkan batasnya, lalu mencoba lagi.",
            "Jika itu batas harian, coba lagi besok.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_not_supported",
        title: "Kartu ini tidak dapat digunakan di sini",
        explanation: "Kartu ini tidak dapat dipakai untuk jenis transaksi atau mata uang ini.",
        steps: &[
            "Gunakan kartu atau metode pembayaran lain.",
            "Jika Anda ingin tetap memakai kartu ini, tanyakan kepada bank Anda apakah kartu tersebut bisa dipakai untuk transaksi daring atau internasional.",
        ],
        labels: &[],
    },
    Text {
        cause: "card_authentication_required",
        title: "Bank Anda perlu mengonfirmasi pembayaran ini",
        explanation: "Bank penerbit kartu meminta Anda mengonfirmasi pembayaran ini, misalnya dengan kode OTP atau melalui aplikasi bank.",
        steps: &[
            "Coba lagi, lalu selesaikan konfirmasi yang muncul (kode OTP melalui SMS atau notifikasi di aplikasi bank).",
            "Pastikan browser Anda tidak memblokir jendela pop-up.",
            "Jika konfirmasi tidak muncul, gunakan kartu lain.",
        ],
        labels: &[],
    },
    Text {
        cause: "processing_error_retry",
        title: "Pembayaran belum dapat diproses",
        explanation: "Terjadi gangguan sementara pada sistem pembayaran. Biasanya ini bukan masalah pada kartu atau akun Anda.",
        steps: &[
            "Coba lagi nanti[[, sekitar {retryAfter} lagi]].",
            "Jika terus gagal, gunakan metode pembayaran lain.",
        ],
        labels: &[],
    },
    Text {
        cause: "payment_method_not_activated",
        title: "Metode pembayaran ini belum tersedia",
        explanation: "Situs ini belum mengaktifkan metode pembayaran yang Anda pilih. Ini bukan masalah pada akun Anda.",
        steps: &[
            "Pilih metode pembayaran lain, misalnya kartu, transfer bank, atau dompet digital.",
            "Beri tahu pemilik situs bahwa metode ini belum bisa digunakan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: &[(UpdatePayment, "Gunakan metode lain"), (ContactSupport, "Beri tahu pemilik situs")],
    },
    Text {
        cause: "ewallet_account_blocked",
        title: "Akun dompet digital Anda diblokir",
        explanation: "Penyedia dompet digital Anda memblokir atau membatasi akun Anda sehingga akun tersebut tidak dapat dipakai untuk membayar.",
        steps: &[
            "Buka aplikasi dompet digital Anda atau hubungi layanan pelanggannya untuk memulihkan akun.",
            "Sementara itu, bayar dengan metode pembayaran lain.",
        ],
        labels: OTHER_METHOD,
    },
    Text {
        cause: "credits_exhausted",
        title: "Saldo kredit sudah habis",
        explanation: "Saldo kredit akun ini sudah habis sehingga permintaan ini tidak dapat diproses.",
        steps: &[
            "Isi ulang kredit di halaman tagihan akun Anda.",
            "Setelah itu, coba lagi.",
            "Agar tidak terulang, aktifkan isi ulang otomatis jika tersedia.",
            "Jika bukan Anda yang mengelola tagihan akun ini, hubungi layanan pelanggan.",
        ],
        labels: &[(UpdatePayment, "Isi ulang kredit")],
    },
    Text {
        cause: "quota_exceeded",
        title: "Kuota paket Anda sudah habis",
        explanation: "Kuota paket untuk periode ini sudah habis.",
        steps: &[
            "Tingkatkan paket Anda atau tambahkan kuota di halaman tagihan.",
            "Atau tunggu sampai kuota Anda diperbarui[[, sekitar {retryAfter} lagi]].",
            "Jika bukan Anda yang mengelola paket akun ini, minta admin akun untuk menaikkan batasnya atau hubungi layanan pelanggan.",
        ],
        labels: &[(UpdatePayment, "Tingkatkan paket")],
    },
    Text {
        cause: "subscription_past_due",
        title: "Tagihan langganan Anda belum dibayar",
        explanation: "Akses Anda dihentikan sementara sampai tagihan terakhir langganan Anda dibayar.[[ Jumlah tagihannya {amount}.]]",
        steps: &[
            "Lunasi tagihan tersebut atau ganti metode pembayaran di halaman tagihan.",
            "Setelah pembayaran berhasil, muat ulang halaman ini.",
            "Jika Anda merasa sudah membayar, atau bukan Anda yang mengelola tagihan akun ini, hubungi layanan pelanggan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: &[],
    },
    Text {
        cause: "service_suspended_billing",
        title: "Layanan situs ini sedang dihentikan sementara",
        explanation: "Penyedia layanan situs ini menghentikan layanan sementara karena ada masalah tagihan di pihak pemilik situs. Ini bukan masalah pada akun atau pembayaran Anda.",
        steps: &[
            "Tidak ada yang perlu Anda perbaiki. Jika Anda ingin membantu, beri tahu pemilik situs agar masalahnya bisa segera ditangani.",
            "Silakan coba lagi nanti.",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "merchant_misconfigured",
        title: "Ada masalah pengaturan di situs ini",
        explanation: "Ada kesalahan pengaturan di sisi situs sehingga permintaan Anda belum dapat diproses. Ini bukan masalah pada akun atau metode pembayaran Anda.",
        steps: &[
            "Tidak ada yang perlu Anda ubah. Silakan coba lagi nanti.",
            "Jika mendesak, beri tahu pemilik situs[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "auth_required",
        title: "Silakan masuk untuk melanjutkan",
        explanation: "Anda perlu masuk untuk membuka halaman ini atau melanjutkan tindakan ini. Jika Anda sudah masuk, sesi Anda mungkin sudah berakhir.",
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
            "Jika Anda merasa seharusnya memiliki akses, minta akses kepada admin akun atau hubungi layanan pelanggan[[ dan sebutkan kode referensi {reference}]].",
        ],
        labels: &[(SignIn, "Ganti akun")],
    },
    Text {
        cause: "rate_limited",
        title: "Terlalu banyak permintaan saat ini",
        explanation: "Situs ini sedang membatasi akses karena ada terlalu banyak permintaan dalam waktu singkat. Pembatasan ini hanya sementara.",
        steps: &[
            "Coba lagi nanti[[, sekitar {retryAfter} lagi]].",
            "Hindari memuat ulang halaman berkali-kali karena waktu tunggunya bisa bertambah.",
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
            "Jika Anda tidak tahu nama pengguna atau kata sandinya, tanyakan kepada admin jaringan atau tim IT.",
            "Atau coba gunakan jaringan lain.",
            "Jika Anda tidak memakai server proksi, masalahnya mungkin ada di sisi situs. Silakan coba lagi nanti.",
        ],
        labels: &[],
    },
];
