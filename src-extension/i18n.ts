import type { Lang } from '../src-shared/errors';
import { langFromLocales } from '../src-shared/i18n/lang';

export type { Lang };
/** The language chosen in the popup (chrome.storage.local); the catalog settings are kept by CatalogSession. */
export const LANG_KEY = 'lang';
export const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en'];
export const LANG_NAMES: Record<Lang, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };

/** Every string the extension shows. The build writes the manifest's own ones into `_locales/`. */
export const STRINGS = {
  extName: { 'zh-Hans': '10086 指令速查', 'zh-Hant': '10086 指令速查', en: '10086 Instruction Finder' },
  extDescription: {
    'zh-Hans': '离线查找中国移动 10086 短信营业厅指令，生成短信与二维码。',
    'zh-Hant': '離線查找中國移動 10086 簡訊營業廳指令，生成簡訊與二維碼。',
    en: 'Find China Mobile 10086 SMS instructions offline; get the exact SMS text and a QR code.',
  },
  menuLookup: { 'zh-Hans': '在 10086 指令中查找', 'zh-Hant': '在 10086 指令中查找', en: 'Look up in 10086 instructions' },
  menuReport: {
    'zh-Hans': '向 10086999 举报此网址',
    'zh-Hant': '向 10086999 舉報此網址',
    en: 'Report this address to 10086999',
  },
  omniboxDefault: {
    'zh-Hans': '查找 10086 指令：输入说法、拼音或代码',
    'zh-Hant': '查找 10086 指令：輸入說法、拼音或代碼',
    en: 'Find a 10086 instruction: type what it does, pinyin or its code',
  },
  searchPlaceholder: { 'zh-Hans': '流量、账单、liuliang、KTGPRS…', 'zh-Hant': '流量、帳單、liuliang、KTGPRS…', en: 'data, bill, KTGPRS…' },
  searchHint: {
    'zh-Hans': '输入要办的事，↑↓ 选择，回车打开，Esc 返回。',
    'zh-Hant': '輸入要辦的事，↑↓ 選擇，Enter 開啟，Esc 返回。',
    en: 'Type what you need; ↑↓ to choose, Enter to open, Esc to go back.',
  },
  noResults: {
    'zh-Hans': '没有找到相关指令。换个说法试试，比如“查流量”“话费余额”，或者直接输入指令代码。',
    'zh-Hant': '沒有找到相關指令。換個說法試試，比如“查流量”“話費餘額”，或者直接輸入指令代碼。',
    en: 'No instruction matches. Try other words, such as “data usage” or “balance”, or type the instruction’s code.',
  },
  maybe: { 'zh-Hans': '也许', 'zh-Hant': '也許', en: 'maybe' },
  unsure: {
    'zh-Hans': '没有把握这些是你要的。可能没有对应的指令，可以拨打 10086 咨询。',
    'zh-Hant': '沒有把握這些是你要的。可能沒有對應的指令，可以撥打 10086 諮詢。',
    en: 'Not sure any of these is what you mean. There may be no instruction for it: call 10086 to ask.',
  },
  unknownInstruction: {
    'zh-Hans': '没有这条指令（它可能已从指令库中去掉，或链接不完整）。请返回搜索。',
    'zh-Hant': '沒有這條指令（它可能已從指令庫中去掉，或連結不完整）。請返回搜尋。',
    en: 'There is no such instruction (it may have left the catalog, or the link is cut short). Go back and search for it.',
  },
  back: { 'zh-Hans': '← 返回', 'zh-Hant': '← 返回', en: '← Back' },
  caveats: { 'zh-Hans': '注意：', 'zh-Hant': '注意：', en: 'Note: ' },
  risk: { 'zh-Hans': '发送前请确认：', 'zh-Hant': '發送前請確認：', en: 'Confirm before sending: ' },
  smsTo: { 'zh-Hans': '发送到', 'zh-Hant': '發送到', en: 'Send to' },
  copy: { 'zh-Hans': '复制', 'zh-Hant': '複製', en: 'Copy' },
  copied: { 'zh-Hans': '已复制', 'zh-Hant': '已複製', en: 'Copied' },
  copyFailed: { 'zh-Hans': '无法复制，请手动选择文字。', 'zh-Hant': '無法複製，請手動選取文字。', en: 'Could not copy; select the text instead.' },
  showSecret: { 'zh-Hans': '显示完整短信和二维码（含密码）', 'zh-Hant': '顯示完整簡訊和二維碼（含密碼）', en: 'Show full SMS and QR (contains a secret)' },
  qrLabel: { 'zh-Hans': '扫码用手机发送此短信', 'zh-Hant': '掃碼用手機發送此簡訊', en: 'Scan to send this SMS from a phone' },
  qrTooLong: { 'zh-Hans': '短信太长，无法生成二维码。', 'zh-Hant': '簡訊太長，無法生成二維碼。', en: 'The SMS is too long for a QR code.' },
  reportTitle: { 'zh-Hans': '举报垃圾短信 / 不良网站', 'zh-Hant': '舉報垃圾簡訊 / 不良網站', en: 'Report spam SMS / a bad website' },
  reportUrl: { 'zh-Hans': '网址', 'zh-Hant': '網址', en: 'Address' },
  reportBadUrl: {
    'zh-Hans': '请填写以 http:// 或 https:// 开头的网址。',
    'zh-Hant': '請填寫以 http:// 或 https:// 開頭的網址。',
    en: 'Enter an address starting with http:// or https://.',
  },
  reportNothingSent: {
    'zh-Hans': '扩展本身不发送任何内容：请复制短信或扫码用手机发送（免费），或交给桌面应用发送（在应用中确认后才发出）。',
    'zh-Hant': '擴充功能本身不發送任何內容：請複製簡訊或掃碼用手機發送（免費），或交給桌面應用發送（在應用中確認後才發出）。',
    en: 'The extension sends nothing by itself: copy the SMS or scan the code to send it from a phone (free), or hand it to the desktop app (it goes only once you confirm there).',
  },
  reportLink: { 'zh-Hans': '举报垃圾短信 / 不良网站', 'zh-Hant': '舉報垃圾簡訊 / 不良網站', en: 'Report spam / a bad website' },
  language: { 'zh-Hans': '语言', 'zh-Hant': '語言', en: 'Language' },
  desktopTitle: { 'zh-Hans': '用桌面应用发送', 'zh-Hant': '用桌面應用發送', en: 'Send with the desktop app' },
  desktopConnecting: { 'zh-Hans': '正在连接桌面应用…', 'zh-Hant': '正在連接桌面應用…', en: 'Connecting to the desktop app…' },
  desktopFallback: {
    'zh-Hans': '仍可复制短信或扫码用手机发送。',
    'zh-Hant': '仍可複製簡訊或掃碼用手機發送。',
    en: 'You can still copy the SMS or scan the code to send it from a phone.',
  },
  desktopUnpaired: {
    'zh-Hans': '这个扩展还没有与桌面应用配对。',
    'zh-Hant': '這個擴充功能還沒有與桌面應用配對。',
    en: 'This extension is not paired with the desktop app yet.',
  },
  desktopPair: { 'zh-Hans': '配对', 'zh-Hant': '配對', en: 'Pair' },
  desktopPairing: {
    'zh-Hans': '请在桌面应用中确认配对码：',
    'zh-Hant': '請在桌面應用中確認配對碼：',
    en: 'Approve this pairing code in the desktop app:',
  },
  desktopReady: { 'zh-Hans': '已连接桌面应用。', 'zh-Hant': '已連接桌面應用。', en: 'Connected to the desktop app.' },
  desktopModems: { 'zh-Hans': '桌面应用的 SIM 卡', 'zh-Hant': '桌面應用的 SIM 卡', en: 'The desktop app’s SIMs' },
  desktopModemReady: { 'zh-Hans': '就绪', 'zh-Hant': '就緒', en: 'ready' },
  desktopModemBusy: { 'zh-Hans': '正在准备，暂不能发送', 'zh-Hant': '正在準備，暫不能發送', en: 'getting ready, cannot send yet' },
  desktopModemOffline: { 'zh-Hans': '已断开', 'zh-Hant': '已斷開', en: 'offline' },
  desktopNoSim: { 'zh-Hans': '未识别的 SIM 卡', 'zh-Hant': '未識別的 SIM 卡', en: 'no SIM identified' },
  desktopChecking: {
    'zh-Hans': '正在向桌面应用确认调制解调器和 SIM 卡…',
    'zh-Hant': '正在向桌面應用確認數據機和 SIM 卡…',
    en: 'Asking the desktop app about its modems and SIMs…',
  },
  desktopNoModem: {
    'zh-Hans': '桌面应用没有连接调制解调器：在应用的“设备”页连接一个后才能发送。',
    'zh-Hant': '桌面應用沒有連接數據機：在應用的「裝置」頁連接一個後才能發送。',
    en: 'No modem is connected to the desktop app: connect one on its Modem page to send.',
  },
  desktopNoneReady: {
    'zh-Hans': '没有就绪的 SIM 卡，现在不能发送。',
    'zh-Hant': '沒有就緒的 SIM 卡，現在不能發送。',
    en: 'No SIM is ready, so nothing can be sent now.',
  },
  desktopVia: { 'zh-Hans': '发送将从 {sim} 发出。', 'zh-Hant': '發送將從 {sim} 發出。', en: 'Sends go out from {sim}.' },
  desktopSeveral: {
    'zh-Hans': '{n} 张 SIM 卡就绪，扩展选不了卡：每次发送都会在桌面应用中请你确认，并写明从哪张卡发出；不是这位客户的卡就拒绝。',
    'zh-Hant': '{n} 張 SIM 卡就緒，擴充功能選不了卡：每次發送都會在桌面應用中請你確認，並寫明從哪張卡發出；不是這位客戶的卡就拒絕。',
    en: '{n} SIMs are ready and the extension cannot choose one: the desktop app asks you about every send, naming the SIM it goes from; decline it if that is not the customer’s card.',
  },
  desktopDemo: { 'zh-Hans': '（演示设备，不会发出真实短信）', 'zh-Hant': '（演示裝置，不會發出真實簡訊）', en: ' (demo modem: no real SMS)' },
  desktopResendQuestion: {
    'zh-Hans': '上一次可能已经发出了，再发一次可能办理两次、扣费两次。确定再发一次吗？',
    'zh-Hant': '上一次可能已經發出了，再發一次可能辦理兩次、扣費兩次。確定再發一次嗎？',
    en: 'The last one may already have gone out; sending it again may order it and charge it twice. Send it again?',
  },
  desktopSend: { 'zh-Hans': '用桌面应用发送', 'zh-Hant': '用桌面應用發送', en: 'Send with the desktop app' },
  'state.requested': { 'zh-Hans': '已交给桌面应用', 'zh-Hant': '已交給桌面應用', en: 'Handed to the desktop app' },
  'state.confirming': { 'zh-Hans': '请在桌面应用中确认', 'zh-Hant': '請在桌面應用中確認', en: 'Confirm it in the desktop app' },
  'state.queued': { 'zh-Hans': '排队中', 'zh-Hant': '排隊中', en: 'Queued' },
  'state.sending': { 'zh-Hans': '正在发送', 'zh-Hant': '正在發送', en: 'Sending' },
  'state.sent': { 'zh-Hans': '已发送，等待回复', 'zh-Hant': '已發送，等待回覆', en: 'Sent; waiting for the reply' },
  'state.delivered': { 'zh-Hans': '已送达', 'zh-Hant': '已送達', en: 'Delivered' },
  'state.maybe-sent': {
    'zh-Hans': '可能已经发出：请等 10086 回复后再决定是否重发',
    'zh-Hant': '可能已經發出：請等 10086 回覆後再決定是否重發',
    en: 'May have gone out: wait for 10086’s reply before sending again',
  },
  'state.failed': { 'zh-Hans': '发送失败', 'zh-Hant': '發送失敗', en: 'Failed' },
  'state.refused': { 'zh-Hans': '未发送', 'zh-Hant': '未發送', en: 'Not sent' },
  replyFrom: { 'zh-Hans': '回复', 'zh-Hant': '回覆', en: 'Reply from' },
  settingsLink: { 'zh-Hans': '设置', 'zh-Hant': '設定', en: 'Settings' },
  settingsTitle: { 'zh-Hans': '设置', 'zh-Hant': '設定', en: 'Settings' },
  confirm: { 'zh-Hans': '确定', 'zh-Hant': '確定', en: 'Yes' },
  cancel: { 'zh-Hans': '取消', 'zh-Hant': '取消', en: 'Cancel' },
  provinceTitle: { 'zh-Hans': '省份', 'zh-Hant': '省份', en: 'Province' },
  provinceNone: { 'zh-Hans': '不选省份（全国通用）', 'zh-Hant': '不選省份（全國通用）', en: 'None (nationwide)' },
  provinceUnverified: { 'zh-Hans': '（未核实）', 'zh-Hant': '（未核實）', en: ' (unverified)' },
  provinceHint: {
    'zh-Hans': '未核实的省份配置不改变任何指令，各条注意事项照常显示。',
    'zh-Hant': '未核實的省份配置不改變任何指令，各條注意事項照常顯示。',
    en: 'An unverified province changes no instruction, and every caveat stays shown.',
  },
  customsTitle: { 'zh-Hans': '我的指令', 'zh-Hant': '我的指令', en: 'My instructions' },
  customFormTitle: { 'zh-Hans': '添加或修改指令', 'zh-Hant': '新增或修改指令', en: 'Add or change an instruction' },
  customCode: { 'zh-Hans': '代码', 'zh-Hant': '代碼', en: 'Code' },
  customName: { 'zh-Hans': '名称', 'zh-Hant': '名稱', en: 'Name' },
  customTemplate: { 'zh-Hans': '短信内容（留空即代码本身）', 'zh-Hant': '簡訊內容（留空即代碼本身）', en: 'SMS text (empty: the code itself)' },
  customTo: { 'zh-Hans': '发送到', 'zh-Hant': '發送到', en: 'Send to' },
  customConfirm: { 'zh-Hans': '发送前需要确认', 'zh-Hant': '發送前需要確認', en: 'Ask before sending' },
  customSave: { 'zh-Hans': '保存', 'zh-Hant': '儲存', en: 'Save' },
  customEdit: { 'zh-Hans': '修改', 'zh-Hant': '修改', en: 'Edit' },
  customSaved: { 'zh-Hans': '已保存。', 'zh-Hant': '已儲存。', en: 'Saved.' },
  customsEmpty: { 'zh-Hans': '还没有自定义指令。', 'zh-Hant': '還沒有自訂指令。', en: 'No custom instructions yet.' },
  deleteCustom: { 'zh-Hans': '删除', 'zh-Hant': '刪除', en: 'Delete' },
  deleteCustomConfirm: { 'zh-Hans': '确定删除 {code}？', 'zh-Hant': '確定刪除 {code}？', en: 'Delete {code}?' },
  importFile: { 'zh-Hans': '导入同事的文件', 'zh-Hant': '匯入同事的檔案', en: "Import a colleague's file" },
  importReplace: { 'zh-Hans': '替换代码相同的我的指令', 'zh-Hant': '取代代碼相同的我的指令', en: 'Replace my instructions that have the same code' },
  importDone: {
    'zh-Hans': '已导入：新增 {added} 条，替换 {replaced} 条，保留原有 {kept} 条，跳过有问题的 {skipped} 条。',
    'zh-Hant': '已匯入：新增 {added} 條，取代 {replaced} 條，保留原有 {kept} 條，略過有問題的 {skipped} 條。',
    en: 'Imported: {added} added, {replaced} replaced, {kept} of yours kept, {skipped} with problems skipped.',
  },
  importEntry: { 'zh-Hans': '第 {n} 条（{code}）：', 'zh-Hant': '第 {n} 條（{code}）：', en: 'Entry {n} ({code}): ' },
  exportFile: { 'zh-Hans': '导出为文件', 'zh-Hant': '匯出為檔案', en: 'Export to a file' },
  updatesTitle: { 'zh-Hans': '指令库更新', 'zh-Hant': '指令庫更新', en: 'Catalog updates' },
  catalogInUse: { 'zh-Hans': '正在使用的指令库：', 'zh-Hant': '正在使用的指令庫：', en: 'Catalog in use: ' },
  originBuiltin: { 'zh-Hans': '（内置）', 'zh-Hant': '（內建）', en: ' (built-in)' },
  originUpdate: { 'zh-Hans': '（已验证的签名更新）', 'zh-Hant': '（已驗證的簽章更新）', en: ' (verified signed update)' },
  updatesOffline: {
    'zh-Hans': '没有设置更新源：扩展完全离线，只用内置指令库。',
    'zh-Hant': '沒有設定更新源：擴充功能完全離線，只用內建指令庫。',
    en: 'No update source: the extension stays fully offline with its built-in catalog.',
  },
  updateSource: { 'zh-Hans': '更新源网址', 'zh-Hant': '更新源網址', en: 'Update source address' },
  updateKey: { 'zh-Hans': '维护者公钥', 'zh-Hant': '維護者公鑰', en: "Maintainer's public key" },
  updateSave: { 'zh-Hans': '保存', 'zh-Hant': '儲存', en: 'Save' },
  updateCheck: { 'zh-Hans': '立即检查', 'zh-Hant': '立即檢查', en: 'Check now' },
  updateChecking: { 'zh-Hans': '正在检查…', 'zh-Hant': '正在檢查…', en: 'Checking…' },
  updateRollback: { 'zh-Hans': '回到内置指令库', 'zh-Hant': '回到內建指令庫', en: 'Back to built-in' },
  updateRollbackConfirm: {
    'zh-Hans': '确定回到内置指令库？比已用过的版本旧的更新仍会被拒绝。',
    'zh-Hant': '確定回到內建指令庫？比已用過的版本舊的更新仍會被拒絕。',
    en: 'Go back to the built-in catalog? Updates older than one already used stay refused.',
  },
  updateSaved: {
    'zh-Hans': '已保存。请在浏览器的提示中允许访问 {origin}，扩展只从这里读取更新文件。',
    'zh-Hant': '已儲存。請在瀏覽器的提示中允許存取 {origin}，擴充功能只從這裡讀取更新檔案。',
    en: 'Saved. Allow access to {origin} when the browser asks: the extension only reads update files there.',
  },
  updateCleared: { 'zh-Hans': '已清除更新源，扩展保持完全离线。', 'zh-Hant': '已清除更新源，擴充功能保持完全離線。', en: 'Update source cleared; the extension stays fully offline.' },
  updateNoAccess: {
    'zh-Hans': '浏览器未允许访问 {origin}：除非该网站允许跨站读取，否则取不到更新。',
    'zh-Hant': '瀏覽器未允許存取 {origin}：除非該網站允許跨站讀取，否則取不到更新。',
    en: 'The browser did not allow access to {origin}: updates cannot be fetched unless that site allows cross-origin reads.',
  },
  lastCheck: { 'zh-Hans': '上次检查（{time}）：', 'zh-Hant': '上次檢查（{time}）：', en: 'Last check ({time}): ' },
  omniboxOpen: { 'zh-Hans': '打开 {code} {name}', 'zh-Hant': '開啟 {code} {name}', en: 'Open {code} {name}' },
  omniboxSearch: { 'zh-Hans': '查找 10086 指令：{query}', 'zh-Hant': '查找 10086 指令：{query}', en: 'Find 10086 instructions: {query}' },
  commandPopup: { 'zh-Hans': '打开 10086 指令速查', 'zh-Hant': '開啟 10086 指令速查', en: 'Open the 10086 Instruction Finder' },
  replyUncertain: {
    'zh-Hans': '这条长短信可能拼错了：同一秒收到了两条编号相同的长短信，分不清哪一段属于哪一条。没有从它读取数字。',
    'zh-Hant': '這則長簡訊可能拼錯了：同一秒收到了兩則編號相同的長簡訊，分不清哪一段屬於哪一則。沒有從它讀取數字。',
    en: 'This long message may be put together wrong: two long messages with the same number came in the same second, and nothing tells which part is whose. No figures were read from it.',
  },
  replyNotification: { 'zh-Hans': '10086 回复了', 'zh-Hant': '10086 回覆了', en: '10086 replied' },
  desktopGetApp: {
    'zh-Hans': '安装并打开 Hall10086 桌面应用，即可用它的短信设备直接发送。',
    'zh-Hant': '安裝並開啟 Hall10086 桌面應用，即可用它的簡訊裝置直接發送。',
    en: 'Install and open the Hall10086 desktop app to send through its modem.',
  },
  desktopPairRefused: { 'zh-Hans': '桌面应用拒绝了配对。', 'zh-Hant': '桌面應用拒絕了配對。', en: 'The desktop app declined the pairing.' },
  desktopPairExpired: { 'zh-Hans': '桌面应用中无人确认，配对已取消。', 'zh-Hant': '桌面應用中無人確認，配對已取消。', en: 'Nobody approved it in the desktop app, so the pairing was cancelled.' },
  desktopRevoked: { 'zh-Hans': '桌面应用取消了与这个浏览器的配对。', 'zh-Hant': '桌面應用取消了與這個瀏覽器的配對。', en: 'The desktop app removed the pairing with this browser.' },
  desktopPairedAs: { 'zh-Hans': '桌面应用中的名称：', 'zh-Hant': '桌面應用中的名稱：', en: 'Name in the desktop app: ' },
  desktopRecent: { 'zh-Hans': '最近用桌面应用发送的', 'zh-Hant': '最近用桌面應用發送的', en: 'Recently sent with the desktop app' },
  reportKeepQuery: {
    'zh-Hans': '保留网址中 ? 和 # 之后的部分（可能含有登录信息或个人信息）',
    'zh-Hant': '保留網址中 ? 和 # 之後的部分（可能含有登入資訊或個人資料）',
    en: 'Keep the part after ? and # (it may hold login or personal details)',
  },
  reportLocal: {
    'zh-Hans': '本机、局域网或内网地址不能举报（单个词的名称，.lan、.internal、.local 等名称，私有 IP 地址）。',
    'zh-Hant': '本機、區域網路或內網位址不能舉報（單個詞的名稱，.lan、.internal、.local 等名稱，私有 IP 位址）。',
    en: 'Addresses on this computer or a private network cannot be reported (one-word names; .lan, .internal, .local and the like; private IP addresses).',
  },
  profileTitle: { 'zh-Hans': '桌面应用', 'zh-Hant': '桌面應用', en: 'Desktop app' },
  profileName: { 'zh-Hans': '这个浏览器配置文件的名称（配对时显示在桌面应用中）', 'zh-Hant': '這個瀏覽器設定檔的名稱（配對時顯示在桌面應用中）', en: 'Name of this browser profile (shown in the desktop app when pairing)' },
  profileForget: { 'zh-Hans': '忘记这个浏览器的配对', 'zh-Hant': '忘記這個瀏覽器的配對', en: 'Forget this browser’s pairing' },
  profileForgotten: {
    'zh-Hans': '已删除这个浏览器保存的配对密钥。也请在桌面应用的设置中取消配对。',
    'zh-Hant': '已刪除這個瀏覽器儲存的配對金鑰。也請在桌面應用的設定中取消配對。',
    en: 'This browser’s pairing secret is deleted. Remove the pairing in the desktop app’s Settings too.',
  },
  copiedSecret: {
    'zh-Hans': '已复制到剪贴板，里面有密码或证件号码。粘贴后请再复制一段别的文字把它换掉：剪贴板历史可能会保留它。',
    'zh-Hant': '已複製到剪貼簿，裡面有密碼或證件號碼。貼上後請再複製一段別的文字把它換掉：剪貼簿歷史可能會保留它。',
    en: 'Copied to the clipboard, with the password or ID number in it. Once pasted, copy some other text over it: a clipboard history may keep it.',
  },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

/** The keys `manifest.json` refers to as `__MSG_key__` (and the worker's menu titles). */
export const MANIFEST_KEYS = ['extName', 'extDescription', 'commandPopup'] as const satisfies readonly StringKey[];

/** Chrome's `_locales` folder names for each language. */
export const CHROME_LOCALES: Record<Lang, string> = { 'zh-Hans': 'zh_CN', 'zh-Hant': 'zh_TW', en: 'en' };

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

/** A string with `{name}` slots filled in. */
export function tf(lang: Lang, key: StringKey, values: Record<string, string | number>): string {
  return t(lang, key).replace(/\{(\w+)\}/g, (slot, name: string) => String(values[name] ?? slot));
}

/** The browser's language, Simplified Chinese when it is neither Chinese nor English. */
export function browserLang(locales: readonly string[]): Lang {
  return langFromLocales(locales, 'zh-Hans');
}

export function isLang(value: unknown): value is Lang {
  return LANGS.includes(value as Lang);
}
