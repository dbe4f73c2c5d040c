/** Settings → Sync and the header's sync indicator, in English (namespace `sync`). */
export const syncEn = {
  title: 'Sync',
  explain:
    'Connect this station to your center’s sync server, and every station shares the same claims. It keeps working without a network and catches up when the server answers again.',
  centerFromServer:
    'Once connected, the center’s settings (its name, calendar and policy packs) come from the server; this station’s own are kept only where the center has none yet.',
  serverUrl: 'Server address',
  serverUrlHint: 'As the server printed it when it started, such as http://192.168.1.10:7411.',
  pairingCode: 'Pairing code',
  pairingCodeHint: 'The one-time code the server printed (ask whoever runs it for a new one).',
  connect: 'Connect',
  errors: {
    serverUrl:
      'Enter the server’s address, starting with http:// or https://, such as http://192.168.1.10:7411.',
    pairingCode: 'Enter the pairing code the server printed.',
  },
  connectProblem: {
    unreachable:
      'No answer from {{serverUrl}}: check the address, that the server is running, and that this computer is on its network. ({{reason}})',
    notASyncServer:
      '{{serverUrl}} answered, but it is not a Fixline sync server: check the address and the port.',
    pairingCodeInvalid:
      'The pairing code is wrong or has expired: ask for a new one (the server prints one when it starts).',
    pairingRateLimited: 'Too many tries with a wrong code: wait a minute, then try again.',
    stationCodeTaken:
      'Another station of this center already uses the station code {{code}}, and every station needs its own. Set this one up again with another code (Reset this station, below), or have the old station removed from the server.',
    protocolMismatch:
      'This server speaks another version of the sync protocol: update the server or Fixline on this station, whichever is older.',
    updateServer:
      'This server runs an older version of Fixline sync: update the server, then connect again. This station keeps working alone until then.',
    updateStation:
      'This server runs a newer version of Fixline sync: update Fixline on this station, then connect again. It keeps working alone until then.',
    storageFull: 'The server’s disk is full: free space on the server, then connect again.',
    serverError: 'The server failed. Try again; if it keeps failing, look at the server’s log.',
    refused: 'The server refused to connect this station ({{code}}).',
  },
  phase: {
    standalone: 'Not connected',
    idle: 'Online',
    syncing: 'Syncing…',
    offline: 'Offline',
    stopped: 'Stopped',
  },
  status: 'Status',
  server: 'Server',
  lastSynced: 'Last synced',
  never: 'Not yet',
  pendingChanges: 'Changes waiting to be sent',
  offlineExplain:
    'The server cannot be reached. This station keeps working: its changes wait here and go as soon as the server answers.',
  problem: {
    deviceRevoked:
      'The center revoked this station on the server. Leave this server, then connect again with a new pairing code.',
    deviceUnknown:
      'The server no longer knows this station (was the server reset?). Leave this server, then connect again with a new pairing code.',
    updateServer:
      'The server runs an older version of Fixline sync: update the server. This station keeps working and keeps its changes until then.',
    updateStation:
      'The server runs a newer version of Fixline sync: update Fixline on this station. It keeps working and keeps its changes until then.',
    other:
      'Sync stopped ({{code}}). “Sync now” tries again; if it stops again, look at the server’s log.',
  },
  rejected: {
    title: 'Changes the server refused',
    explain:
      'These changes were not applied, here or anywhere: the station shows what the server holds instead. Make them again if they are still needed.',
    item: '{{time}}: {{reason}}',
    reason: {
      'invalid-row': 'the record would not be valid ({{field}}).',
      'invalid-value': 'a value is not valid ({{field}}).',
      'unknown-field':
        'this version of Fixline sent a field the server does not know ({{field}}): update the server.',
      'insert-only': 'this kind of record never changes once written.',
      'quote-sent': 'the quote was already sent: make a new revision instead.',
      'quote-not-latest': 'another station revised the same quote first: revise the latest one.',
      'not-author': 'only the author of a note may change or delete it.',
      'sku-taken': 'another part already has this SKU.',
      'rma-number-taken':
        'another claim of the center already has this RMA number, so the claim was not kept: take it in again for a new number.',
      'transition-not-allowed':
        'the claim had already moved on at another station, so this status change no longer applies.',
      'server-only-table': 'only the server writes this kind of record.',
      'unknown-author':
        'the center does not know the person who made it: sign in as one of the center’s people and make it again.',
      other: 'the server refused it ({{code}}).',
    },
  },
  firstPull: {
    title: 'Receiving the center’s records',
    progress: '{{received}} of {{total}} records',
    received: '{{received}} records received',
    timeLeft: 'About {{duration}} left',
  },
  syncNow: 'Sync now',
  leave: {
    open: 'Leave this server',
    title: 'Leave this server?',
    explain:
      'This station stops syncing with {{serverUrl}}. It keeps every record it has and works alone.',
    pending: '{{count}} changes have not reached the server yet: they stay on this station only.',
    confirm: 'Leave the server',
    cancel: 'Cancel',
  },
  indicator: {
    idle: 'Synced',
    syncing: 'Syncing',
    offline: 'Offline',
    stopped: 'Sync stopped',
    receiving: 'Receiving {{percent}}%',
    idleTip: 'In sync with {{serverUrl}}, last {{when}}.',
    neverTip: 'Connected to {{serverUrl}}, not synced yet.',
    syncingTip: 'Sending and receiving changes with {{serverUrl}}.',
    offlineTip:
      '{{serverUrl}} cannot be reached; {{count}} changes wait here. This station keeps working.',
    stoppedTip: 'Sync has stopped: open Settings → Sync to see why.',
    receivingTip: 'Receiving the center’s records: {{received}} so far.',
  },
};

/** Settings → Sync and the header's sync indicator, in Bahasa Indonesia. */
export const syncId: typeof syncEn = {
  title: 'Sinkronisasi',
  explain:
    'Hubungkan stasiun ini ke server sinkronisasi pusat servis Anda, dan semua stasiun berbagi klaim yang sama. Stasiun tetap bekerja tanpa jaringan dan menyusul saat server menjawab lagi.',
  centerFromServer:
    'Setelah terhubung, pengaturan pusat servis (nama, kalender, dan paket kebijakan) berasal dari server; pengaturan stasiun ini hanya dipakai bila pusat servis belum memilikinya.',
  serverUrl: 'Alamat server',
  serverUrlHint: 'Seperti yang dicetak server saat dimulai, misalnya http://192.168.1.10:7411.',
  pairingCode: 'Kode pemasangan',
  pairingCodeHint: 'Kode sekali pakai yang dicetak server (minta kode baru kepada pengelolanya).',
  connect: 'Hubungkan',
  errors: {
    serverUrl:
      'Masukkan alamat server, diawali http:// atau https://, misalnya http://192.168.1.10:7411.',
    pairingCode: 'Masukkan kode pemasangan yang dicetak server.',
  },
  connectProblem: {
    unreachable:
      'Tidak ada jawaban dari {{serverUrl}}: periksa alamatnya, bahwa server berjalan, dan bahwa komputer ini ada di jaringannya. ({{reason}})',
    notASyncServer:
      '{{serverUrl}} menjawab, tetapi bukan server sinkronisasi Fixline: periksa alamat dan port-nya.',
    pairingCodeInvalid:
      'Kode pemasangan salah atau sudah kedaluwarsa: minta kode baru (server mencetaknya saat dimulai).',
    pairingRateLimited:
      'Terlalu banyak percobaan dengan kode yang salah: tunggu semenit, lalu coba lagi.',
    stationCodeTaken:
      'Stasiun lain di pusat servis ini sudah memakai kode stasiun {{code}}, dan setiap stasiun perlu kodenya sendiri. Siapkan ulang stasiun ini dengan kode lain (Atur ulang stasiun ini, di bawah), atau minta stasiun lama dihapus dari server.',
    protocolMismatch:
      'Server ini memakai versi lain protokol sinkronisasi: perbarui server atau Fixline di stasiun ini, mana yang lebih lama.',
    updateServer:
      'Server ini menjalankan versi sinkronisasi Fixline yang lebih lama: perbarui server, lalu hubungkan lagi. Stasiun ini tetap bekerja sendiri sampai saat itu.',
    updateStation:
      'Server ini menjalankan versi sinkronisasi Fixline yang lebih baru: perbarui Fixline di stasiun ini, lalu hubungkan lagi. Stasiun ini tetap bekerja sendiri sampai saat itu.',
    storageFull: 'Disk server penuh: kosongkan ruang di server, lalu hubungkan lagi.',
    serverError: 'Server gagal. Coba lagi; jika terus gagal, lihat log server.',
    refused: 'Server menolak menghubungkan stasiun ini ({{code}}).',
  },
  phase: {
    standalone: 'Tidak terhubung',
    idle: 'Daring',
    syncing: 'Menyinkronkan…',
    offline: 'Luring',
    stopped: 'Berhenti',
  },
  status: 'Status',
  server: 'Server',
  lastSynced: 'Terakhir disinkronkan',
  never: 'Belum',
  pendingChanges: 'Perubahan yang menunggu dikirim',
  offlineExplain:
    'Server tidak dapat dihubungi. Stasiun ini tetap bekerja: perubahannya menunggu di sini dan terkirim begitu server menjawab.',
  problem: {
    deviceRevoked:
      'Pusat servis mencabut stasiun ini di server. Tinggalkan server ini, lalu hubungkan lagi dengan kode pemasangan baru.',
    deviceUnknown:
      'Server tidak lagi mengenal stasiun ini (apakah server diatur ulang?). Tinggalkan server ini, lalu hubungkan lagi dengan kode pemasangan baru.',
    updateServer:
      'Server menjalankan versi sinkronisasi Fixline yang lebih lama: perbarui server. Stasiun ini tetap bekerja dan menyimpan perubahannya sampai saat itu.',
    updateStation:
      'Server menjalankan versi sinkronisasi Fixline yang lebih baru: perbarui Fixline di stasiun ini. Stasiun tetap bekerja dan menyimpan perubahannya sampai saat itu.',
    other:
      'Sinkronisasi berhenti ({{code}}). “Sinkronkan sekarang” mencoba lagi; jika berhenti lagi, lihat log server.',
  },
  rejected: {
    title: 'Perubahan yang ditolak server',
    explain:
      'Perubahan ini tidak diterapkan, di sini maupun di mana pun: stasiun menampilkan apa yang disimpan server. Buat lagi jika masih diperlukan.',
    item: '{{time}}: {{reason}}',
    reason: {
      'invalid-row': 'data tidak akan valid ({{field}}).',
      'invalid-value': 'sebuah nilai tidak valid ({{field}}).',
      'unknown-field':
        'versi Fixline ini mengirim kolom yang tidak dikenal server ({{field}}): perbarui server.',
      'insert-only': 'jenis data ini tidak pernah berubah setelah ditulis.',
      'quote-sent': 'penawaran sudah dikirim: buat revisi baru.',
      'quote-not-latest':
        'stasiun lain lebih dulu merevisi penawaran yang sama: revisi yang terbaru.',
      'not-author': 'hanya penulis catatan yang boleh mengubah atau menghapusnya.',
      'sku-taken': 'suku cadang lain sudah memakai SKU ini.',
      'rma-number-taken':
        'klaim lain di pusat servis sudah memakai nomor RMA ini, jadi klaim ini tidak disimpan: terima ulang untuk mendapat nomor baru.',
      'transition-not-allowed':
        'klaim sudah berpindah status di stasiun lain, jadi perubahan status ini tidak berlaku lagi.',
      'server-only-table': 'hanya server yang menulis jenis data ini.',
      'unknown-author':
        'pusat servis tidak mengenal orang yang membuatnya: masuk sebagai salah satu orang pusat servis lalu buat lagi.',
      other: 'server menolaknya ({{code}}).',
    },
  },
  firstPull: {
    title: 'Menerima data pusat servis',
    progress: '{{received}} dari {{total}} data',
    received: '{{received}} data diterima',
    timeLeft: 'Sekitar {{duration}} lagi',
  },
  syncNow: 'Sinkronkan sekarang',
  leave: {
    open: 'Tinggalkan server ini',
    title: 'Tinggalkan server ini?',
    explain:
      'Stasiun ini berhenti menyinkronkan dengan {{serverUrl}}. Semua datanya tetap ada dan stasiun bekerja sendiri.',
    pending: '{{count}} perubahan belum sampai ke server: perubahan itu hanya ada di stasiun ini.',
    confirm: 'Tinggalkan server',
    cancel: 'Batal',
  },
  indicator: {
    idle: 'Tersinkron',
    syncing: 'Menyinkronkan',
    offline: 'Luring',
    stopped: 'Sinkronisasi berhenti',
    receiving: 'Menerima {{percent}}%',
    idleTip: 'Tersinkron dengan {{serverUrl}}, terakhir {{when}}.',
    neverTip: 'Terhubung ke {{serverUrl}}, belum disinkronkan.',
    syncingTip: 'Mengirim dan menerima perubahan dengan {{serverUrl}}.',
    offlineTip:
      '{{serverUrl}} tidak dapat dihubungi; {{count}} perubahan menunggu di sini. Stasiun ini tetap bekerja.',
    stoppedTip: 'Sinkronisasi berhenti: buka Pengaturan → Sinkronisasi untuk melihat sebabnya.',
    receivingTip: 'Menerima data pusat servis: {{received}} sejauh ini.',
  },
};
