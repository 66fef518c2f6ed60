## Exports: formats, recipients, the export dialog.

field-format = ファイル形式
field-recipient = 提出先
error-reference-taken = 案件番号 { $reference } の案件はこのデータベースにすでにあります。何も取り込んでいません。

recipient-coordinator = コーディネーター（全項目）
recipient-hospital = 受入医療機関
recipient-patient = 患者本人
recipient-insurer = 保険会社
recipient-interpreter = 通訳者

pdf-title = 案件概要
pdf-exported = 出力日：{ $date }
pdf-prepared-for = 提出先：{ $recipient }
pdf-provider = 受入医療機関
pdf-col-event = 予定
pdf-col-local-time = 現地時刻
pdf-col-home-time = 患者の居住地の時刻
pdf-col-done = 完了
pdf-col-when = 日時
pdf-none = なし。
pdf-latest-notes = 最近のメモ（最大 { $count } 件）
csv-patient = 患者
csv-reading = フリガナ
