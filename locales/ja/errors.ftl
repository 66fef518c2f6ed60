## Errors shown to a coordinator. { $field } is the label of the field at fault.

error-required = 「{ $field }」は必須です。
error-too-long = 「{ $field }」が長すぎます（{ $max }文字以内で入力してください）。
error-date-in-future = 「{ $field }」に未来の日付は指定できません。
error-invalid-date = 「{ $field }」は有効な日付ではありません（YYYY-MM-DDの形式で入力してください）。
error-unknown-value = 「{ $field }」：「{ $value }」は指定できる値ではありません。
error-invalid = 「{ $field }」の値が正しくありません。
error-transition-not-allowed = 案件のステータスを「{ $from }」から「{ $to }」に変更することはできません。
error-case-not-found = 案件番号{ $reference }の案件は見つかりません。
error-provider-not-found = 選択した医療機関はすでに存在しません。
error-schema-too-new = このデータベースは新しいバージョンのKakehashiで作成されています（スキーマ{ $found }。このバージョンが読み込めるのはスキーマ{ $supported }までです）。データベースは変更されていません。
error-database-in-use = このデータベースは別のKakehashiウィンドウですでに開かれています：{ $path }
error-not-a-database = このファイルはKakehashiのデータベースではないか、破損しています：{ $path }
error-foreign-database = このファイルはKakehashiのデータベースではなく、別のソフトウェアのSQLiteデータベースです。ファイルは変更していません：{ $path }
error-schema-altered = このデータベースの構造がKakehashiの外で変更されているため、何も追加しませんでした：{ $path }
error-integrity-check-failed = データベースの整合性チェックに失敗しました：{ $detail }
error-bad-json = 入力データが有効なJSONではありません：{ $detail }
error-database = データベースでエラーが発生しました：{ $detail }
error-file = ファイルを読み書きできませんでした：{ $detail }
error-unexpected = 予期しないエラーが発生しました：{ $detail }
error-no-database = データベースが開かれていません。
error-demo-needs-empty-database = 架空の患者が実在の患者と混ざらないよう、デモ案件は空のデータベースにのみ追加できます。
error-demo-too-large = 作成できるデモ案件は最大{ $max }件です。
