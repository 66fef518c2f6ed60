## Patients and providers screens.

## 患者画面

patients-title = 患者
patients-search-label = 患者を検索
patients-search-placeholder = 氏名、フリガナ、案件番号で検索…
patients-count = 患者{ $count }名
patients-no-results = 「{ $query }」に一致する患者はいません。
patients-empty = 患者はまだ登録されていません。患者は最初の案件の登録時に追加されます。
patients-choose = 患者を選択すると、登録内容の確認・編集ができます。
patients-loading = 読み込み中…
patients-cases = 案件
patients-no-cases = 案件はありません。
patients-section-identity = 基本情報
patients-section-home = 居住地・言語
patients-section-contact = 連絡先
patients-section-travel = 渡航・受診に関する情報
patients-not-set = 未設定
patients-name-order-family-first = 姓・名の順
patients-name-order-given-first = 名・姓の順
patients-nationality-hint = 英字2文字の国コード（例：CA、JP）
patients-home-zone-hint = 空欄の場合は、州・都道府県から自動で設定されます。
patients-save = 患者情報を保存
patients-saved = 患者情報を保存しました。
patients-discard-question = この患者の未保存の変更を破棄しますか？

## 医療機関画面

providers-title = 医療機関
providers-new = 新規医療機関
providers-new-title = 新規医療機関の登録
providers-count = 医療機関{ $count }件
providers-empty = 医療機関はまだ登録されていません。
providers-choose = 編集する医療機関を選択するか、新しく登録してください。
providers-discard-question = この医療機関の未保存の変更を破棄しますか？
providers-section-names = 名称
providers-section-place = 所在地
providers-section-desk = 国際診療窓口
providers-name-fr-hint = 空欄の場合は英語名を使用します。
providers-name-ja-hint = 空欄の場合は英語名を使用します。
providers-desk-contact-hint = 国際診療窓口の電話番号またはメールアドレス
providers-create = 登録
providers-save = 医療機関情報を保存
providers-saved = 医療機関情報を保存しました。
providers-deleted = 医療機関を削除しました。
providers-delete = 削除
providers-delete-question = この医療機関を削除しますか？　この操作は元に戻せません。
providers-keep = 削除しない
