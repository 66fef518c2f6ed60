## Application chrome, screens and forms.

app-title = Kakehashi
app-tagline = 医療渡航の案件管理（カナダ ⇄ 日本）

menu-language = 言語
menu-new-case = 新規案件
menu-cases = 案件一覧

search-placeholder = 氏名、フリガナ、案件番号、医療機関、メモを検索…
search-label = 案件を検索
search-no-results = 「{ $query }」に一致する案件はありません。

case-count = { $count } 件
list-empty = 案件はまだありません。
list-load-more = さらに表示
list-filter-status = ステータス
list-filter-all = すべてのステータス

col-reference = 案件番号
col-patient = 患者
col-status = ステータス
col-direction = 渡航方向
col-specialty = 診療科
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
field-direction = 渡航方向
field-specialty = 診療科
field-treatment = 治療内容
field-provider = 医療機関
field-physician = 主治医
field-status = ステータス
field-priority = 優先度
field-target-date = 治療希望日
field-opened-on = 受付日
field-estimated-cost = 概算費用
field-currency = 通貨
field-deposit = 前払金受領額
field-companions = 同行者数
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
form-created = 案件 { $reference } を作成しました。
form-fix-errors = 強調表示された項目を修正してください。

welcome-title = Kakehashi へようこそ
welcome-body = このデータベースは空です。架空のデモ案件を作成して操作を確認することも、最初の案件を登録して始めることもできます。
welcome-demo = デモ案件を作成
welcome-empty = 空の状態で開始
welcome-demo-working = デモ案件を作成しています…

startup-error-title = データベースを開けませんでした
screen-load-failed = この画面を読み込めませんでした。保存済みのデータには影響ありません。画面を開き直すか、Kakehashi を再起動してください。

search-result-count = 該当 { $count } 件
search-first-results = 最初の { $count } 件を表示しています。さらに入力すると絞り込めます。
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
settings-coordinator-hint = すべての変更について、変更した担当者としてこの名前が監査ログに記録されます。
settings-database = データベースファイル
settings-save = 設定を保存
settings-saved = 設定を保存しました。
task-overdue = 期限超過

## Command line

cli-demo-created = デモ案件を { $count } 件作成しました。
cli-check-ok = データベースは正常です（スキーマバージョン { $version }、案件数：{ $cases }）。
cli-about = Kakehashi 案件管理：案件データベースを操作するコマンドラインツール
cli-arg-db = データベースファイル（省略時：OS のアプリデータフォルダーにあるアプリのデータベース）
cli-arg-lang = メッセージと項目名の言語：en、fr、ja（省略時：OS のロケール設定）
cli-about-demo = 空のデータベースに架空のデモ案件を作成します（同じシードからは同じデータができます）
cli-arg-demo-cases = 作成する案件数
cli-arg-demo-seed = データ生成のシード値
cli-arg-demo-anchor = 生成データで「今日」とみなす日付（YYYY-MM-DD 形式、省略時：今日）
cli-about-case = 案件の作成・表示・一覧
cli-about-case-create = JSON から患者と案件を作成し、新しい案件番号を表示します
cli-arg-case-create-json = JSON ファイル（「-」を指定すると標準入力から読み込みます）
cli-about-case-show = 案件を 1 件表示します
cli-arg-case-show-reference = 案件番号（例：KH-2026-0042）
cli-arg-case-show-json = テキストではなく JSON で出力します
cli-about-case-list = 案件を新しい順に一覧表示します
cli-arg-case-list-json = テキストではなく JSON で出力します
cli-arg-case-list-limit = 表示する最大件数
cli-arg-case-list-offset = 先頭から飛ばす件数
cli-about-search = 氏名（漢字・かな・ローマ字のいずれでも可）、フリガナ、案件番号、医療機関、メモで案件を検索します
cli-arg-search-query = 検索する語句
cli-arg-search-limit = 表示する最大件数
cli-arg-search-json = テキストではなく JSON で出力します
cli-about-check = データベースの整合性を確認し、スキーマのバージョンを表示します
cli-about-bench = 検索・一覧ページ・案件表示の所要時間を、コアと SQLite 単体で計測します（p50 / p95）
cli-arg-bench-iterations = 各クエリの実行回数
cli-arg-bench-json = 表ではなく JSON で出力します
cli-bench-title = 案件 { $cases } 件 — 単位：ミリ秒（p50 / p95）
cli-bench-col-what = クエリ
cli-bench-col-core = コア
cli-bench-col-sqlite = SQLite 単体
cli-bench-col-ratio = p95 の比
cli-bench-search = 検索「{ $query }」
cli-bench-list-page = 案件一覧（{ $offset } 件目から）
cli-bench-list-sorted = 案件一覧（{ $order }）、{ $offset } 件目からのページ
cli-bench-list-filtered = 案件一覧（渡航方向と優先度で絞り込み）
cli-bench-dashboard = 「今日」の画面
cli-bench-case-detail = 案件を開く
cli-about-export = 1件の案件を PDF・JSON・FHIR で、または全案件を CSV で、--lang の言語で出力します
cli-arg-export-reference = 案件番号（例：KH-2026-0042）。--all とは併用できません
cli-arg-export-all = 案件一覧全体を出力します（CSV のみ）
cli-arg-export-format = 1件の案件は pdf・json・fhir、一覧は csv
cli-arg-export-bilingual = 2つ目の言語（PDF で1つ目の後に出力）
cli-arg-export-recipient = 提出先：coordinator・hospital・patient・insurer・interpreter。提出先が見てはならない項目は省かれます
cli-arg-export-out = 出力先のファイル
cli-export-usage = 案件番号と --format pdf・json・fhir、または --all と --format csv を指定してください。
cli-about-import = kakehashi export で出力した JSON ファイルから案件を取り込み、案件番号を表示します
cli-arg-import-file = JSON ファイル（形式 kakehashi-case/1）
cli-about-message = 画面のメッセージを 1 件、指定の言語で表示します（スクリプト・翻訳者向け）
cli-arg-message-id = メッセージ ID（例：case-count）
cli-arg-message-args = 引数（名前=値 の形式）。複数ある場合は繰り返し指定します
cli-unknown-message = ID が「{ $id }」のメッセージはありません。

## Language names, each in its own language (the same in every locale).

lang-native-en = English
lang-native-fr = Français
lang-native-ja = 日本語
