## Exports: formats, recipients, the export dialog.

field-format = ファイル形式
field-recipient = 宛先
error-reference-taken = 案件番号{ $reference }の案件はこのデータベースにすでにあります。何も取り込んでいません。

recipient-coordinator = コーディネーター（全項目）
recipient-hospital = 受入医療機関
recipient-patient = 患者本人
recipient-insurer = 保険会社
recipient-interpreter = 通訳者

pdf-title = 医療渡航サマリー
pdf-exported = 出力日：{ $date }
pdf-prepared-for = 宛先：{ $recipient }
pdf-section-case = 受診・渡航の内容
pdf-reference = 整理番号
pdf-provider = 受入医療機関
pdf-col-event = 予定
pdf-col-local-time = 現地時刻
pdf-col-home-time = 患者の居住地の時刻
pdf-col-done = 完了
pdf-col-when = 日時
pdf-none = なし
pdf-latest-notes = 最近のメモ（最大{ $count }件）
csv-patient = 患者
csv-reading = フリガナ

detail-export = 出力…
export-title = { $reference }を出力
export-format-pdf = PDFサマリー
export-format-json = JSON（Kakehashi形式）
export-format-fhir = FHIR R4バンドル
export-format-csv = CSV（表計算）
export-language = 言語
export-second-language = 併記する言語（任意）
export-preview-alt = PDFサマリーの1ページ目
export-preview-loading = プレビューを準備しています…
export-preview-caption = 出力される1ページ目
export-save = 出力…
export-save-title = 出力ファイルの保存先
export-saved = 保存しました：{ $path }
list-export-csv = 一覧を出力（CSV）
recipient-hint-coordinator = メモやタスクを含むすべての項目。
recipient-hint-hospital = メモとタスクは含みません。
recipient-hint-patient = メモとタスクは含みません。
recipient-hint-insurer = メモ、タスク、連絡先、パスポート、食事・文化・宗教上の配慮事項は含みません。
recipient-hint-interpreter = パスポート、保険、費用、連絡先、生年月日、メモ、タスクは含みません。
error-no-consent = 案件{ $reference }は「{ $recipient }」宛てに出力できません。患者が「{ $scope }」に同意していないか、同意を撤回しています。
export-without-consent-confirm = それでも出力しますか？　患者のアクセスログに、同意なしで出力したことが残ります。
export-without-consent-yes = 同意なしで出力
