## Exports: formats, recipients, the export dialog.

field-format = ファイル形式
field-recipient = 提出先
error-reference-taken = 案件番号 { $reference } の案件はこのデータベースにすでにあります。何も取り込んでいません。

recipient-coordinator = コーディネーター（全項目）
recipient-hospital = 受入医療機関
recipient-patient = 患者本人
recipient-insurer = 保険会社
recipient-interpreter = 通訳者
