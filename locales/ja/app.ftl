## Application chrome, screens and forms.

app-title = Kakehashi
app-tagline = 医療渡航の案件管理（カナダ ⇄ 日本）

menu-language = 言語
menu-new-case = 新規案件
menu-cases = 案件一覧

search-placeholder = 氏名、フリガナ、案件番号、医療機関、メモで検索…
search-label = 案件を検索
search-no-results = 「{ $query }」に一致する案件はありません。

case-count = { $count }件
list-empty = 案件はまだありません。
list-load-more = さらに表示
list-filter-status = ステータス
list-filter-all = すべてのステータス

col-reference = 案件番号
col-patient = 患者
col-status = ステータス
col-direction = 渡航区分
col-specialty = 診療分野
col-provider = 医療機関
col-opened = 受付日

detail-empty = 案件を選択すると詳細が表示されます。
detail-patient = 患者
detail-case = 案件
detail-timeline = タイムライン
detail-documents = 書類
detail-tasks = タスク
detail-notes = メモ
detail-close = 閉じる
detail-reading = フリガナ
detail-local-time = 現地時刻
detail-home-time = 患者の居住地の時刻
detail-home-time-at = 患者の居住地の時刻：{ $time }
detail-no-events = イベントはまだありません。
detail-no-tasks = タスクはありません。
detail-no-notes = メモはありません。
detail-status-change = { $from } → { $to }
detail-status-opened = ステータス「{ $to }」で案件を登録
detail-not-set = —
task-done = 完了
task-due = 期限：{ $date }

field-family-name = 姓
field-given-name = 名
field-family-name-kana = 姓（フリガナ）
field-given-name-kana = 名（フリガナ）
field-name-order = 氏名の表記順
field-birth-date = 生年月日
field-sex = 性別
field-nationality = 国籍
field-home-region = 州・都道府県
field-preferred-language = 希望言語
field-interpreter-language = 通訳言語
field-phone = 電話番号
field-email = メールアドレス
field-emergency-contact = 緊急連絡先
field-passport-number = パスポート番号
field-passport-expiry = パスポート有効期限
field-insurance = 保険
field-dietary-notes = 食事・文化・宗教上の配慮事項
field-direction = 渡航区分
field-specialty = 診療分野
field-treatment = 治療内容
field-provider = 医療機関
field-physician = 主治医
field-status = ステータス
field-priority = 優先度
field-target-date = 治療予定日
field-opened-on = 受付日
field-estimated-cost = 概算費用
field-currency = 通貨
field-deposit = デポジット受領額（前受金）
field-companions = 同伴者数
field-note-text = メモ
field-task-title = タスク
field-reference = 案件番号

form-new-case-title = 新規案件
form-section-patient = 患者情報
form-section-case = 案件情報
form-choose = 選択してください
form-none = なし
form-date-placeholder = 例：1961-04-02
form-save = 案件を作成
form-cancel = キャンセル
form-saving = 保存中…
form-created = 案件{ $reference }を作成しました。
form-fix-errors = 強調表示された項目を修正してください。

welcome-title = Kakehashiへようこそ
welcome-body = このデータベースは空です。架空のデモ案件を作成して操作を確認することも、最初の案件を登録して始めることもできます。
welcome-demo = デモ案件を作成
welcome-empty = 空の状態で開始
welcome-demo-working = デモ案件を作成しています…

startup-error-title = データベースを開けませんでした
screen-load-failed = この画面を読み込めませんでした。保存済みのデータには影響ありません。画面を開き直すか、Kakehashiを再起動してください。

search-result-count = 該当{ $count }件
search-first-results = 最初の{ $count }件を表示しています。さらに入力すると絞り込めます。
form-discard-question = 作成中の新規案件を破棄しますか？　入力した内容は失われます。
form-discard = 破棄
form-keep-editing = 入力を続ける

menu-file = Kakehashi
menu-settings = 設定…
menu-quit = 終了
field-coordinator = コーディネーター名
settings-title = 設定
settings-language = 表示言語
settings-japanese-era = 日本語の日付を和暦（令和など）で表示する
settings-coordinator-hint = すべての変更の操作者として、この名前が監査ログに記録されます。
settings-database = データベースファイル
settings-save = 設定を保存
settings-saved = 設定を保存しました。
task-overdue = 期限切れ

## Command line

cli-demo-created = デモ案件を{ $count }件作成しました。
cli-check-ok = データベースは正常です（スキーマバージョン{ $version }、案件数：{ $cases }）。
cli-check-access-log-altered = アクセスログがKakehashiの外で変更されています：{ $count }行がハッシュチェーンと一致しません。
cli-about = Kakehashi案件管理：案件データベースを操作するコマンドラインツール
cli-arg-db = データベースファイル（省略時：OSのアプリデータフォルダーにあるアプリのデータベース）
cli-arg-lang = メッセージと項目名の言語：en、fr、ja（省略時：OSのロケール設定）
cli-about-demo = 空のデータベースに架空のデモ案件を作成します（同じシードからは同じデータができます）
cli-arg-demo-cases = 作成する案件数
cli-arg-demo-seed = データ生成のシード値
cli-arg-demo-anchor = 生成データで「今日」とみなす日付（YYYY-MM-DD形式、省略時：今日）
cli-about-case = 案件の作成・表示・一覧
cli-about-case-create = JSONから患者と案件を作成し、新しい案件番号を表示します
cli-arg-case-create-json = JSONファイル（「-」を指定すると標準入力から読み込みます）
cli-about-case-show = 案件を1件表示します
cli-arg-case-show-reference = 案件番号（例：KH-2026-0042）
cli-arg-case-show-json = テキストではなくJSONで出力します
cli-about-case-list = 案件を新しい順に一覧表示します
cli-arg-case-list-json = テキストではなくJSONで出力します
cli-arg-case-list-limit = 表示する最大件数
cli-arg-case-list-offset = 先頭から飛ばす件数
cli-about-search = 氏名（漢字・かな・ローマ字のいずれでも可）、フリガナ、案件番号、医療機関、メモで案件を検索します
cli-arg-search-query = 検索する語句
cli-arg-search-limit = 表示する最大件数
cli-arg-search-json = テキストではなくJSONで出力します
cli-about-check = データベースの整合性を確認し、スキーマのバージョンを表示します
cli-about-bench = 検索・一覧ページ・案件表示の所要時間を、コアとSQLite単体で計測します（p50 / p95）
cli-arg-bench-iterations = 各クエリの実行回数
cli-arg-bench-json = 表ではなくJSONで出力します
cli-bench-title = 案件{ $cases }件 — 単位：ミリ秒（p50 / p95）
cli-bench-col-what = クエリ
cli-bench-col-core = コア
cli-bench-col-sqlite = SQLite単体
cli-bench-col-ratio = p95の比
cli-bench-search = 検索「{ $query }」
cli-bench-list-page = 案件一覧（オフセット{ $offset }のページ）
cli-bench-list-sorted = 案件一覧（{ $order }、オフセット{ $offset }のページ）
cli-bench-list-filtered = 案件一覧（渡航区分と優先度で絞り込み）
cli-bench-dashboard = 「今日」の画面
cli-bench-case-detail = 案件を開く
cli-about-export = 1件の案件をPDF・JSON・FHIRで、または全案件をCSVで、「--lang」で指定した言語で出力します
cli-arg-export-reference = 案件番号（例：KH-2026-0042）。「--all」とは併用できません
cli-arg-export-all = 案件一覧全体を出力します（CSVのみ）
cli-arg-export-format = 1件の案件は「pdf」「json」「fhir」のいずれか、一覧は「csv」
cli-arg-export-bilingual = 2つ目の言語（PDFで1つ目の後に出力）
cli-arg-export-recipient = 宛先（coordinator|hospital|patient|insurer|interpreter）。宛先に見せない項目は出力されません
cli-arg-export-without-consent = 宛先への提供について患者の同意がなくても出力します（その旨がアクセスログに記録されます）
cli-arg-export-out = 出力先のファイル
cli-export-usage = 案件番号と「--format pdf」「--format json」「--format fhir」のいずれか、または「--all」と「--format csv」を指定してください。
cli-about-import = 「kakehashi export」で出力したJSONファイルから案件を取り込み、案件番号を表示します
cli-arg-import-file = JSONファイル（形式：kakehashi-case/1）
cli-about-message = 画面のメッセージを1件、指定の言語で表示します（スクリプト・翻訳者向け）
cli-arg-message-id = メッセージID（例：case-count）
cli-arg-message-args = 引数（「名前=値」の形式）。複数ある場合は繰り返し指定します
cli-unknown-message = IDが「{ $id }」のメッセージはありません。

## Language names, each in its own language (the same in every locale).

lang-native-en = English
lang-native-fr = Français
lang-native-ja = 日本語
