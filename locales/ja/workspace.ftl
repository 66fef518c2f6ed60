## The workspace: navigation, Today, case editing, list filters.

nav-label = 画面
nav-today = 今日
nav-cases = 案件
nav-patients = 患者
nav-providers = 医療機関
nav-settings = 設定

today-title = 今日の業務
today-date = { $date }
today-zone = 表示時刻のタイムゾーン：{ $zone }
today-counts = ステータス別の案件数
today-overdue = { $count ->
    [0] 期限切れのタスク
   *[other] 期限切れのタスク（{ $count }件）
}
today-due-soon = { $count ->
    [0] 期限が7日以内のタスク
   *[other] 期限が7日以内のタスク（{ $count }件）
}
today-overdue-many = 期限切れのタスク（{ $count }件以上）
today-due-soon-many = 期限が7日以内のタスク（{ $count }件以上）
today-upcoming = 14日以内の予定
today-waiting = 書類待ちの案件
today-nothing-overdue = 期限切れのタスクはありません。
today-nothing-due = 期限が7日以内のタスクはありません。
today-nothing-upcoming = 14日以内の予定はありません。
today-nothing-waiting = 依頼中の書類はありません。
today-your-time = 手元の時刻：{ $time }
today-show-more = さらに{ $count }件を表示
list-separator = 、

list-filter-any = すべて
list-filters = 絞り込みと並べ替え
list-filters-off-in-search = 検索はすべての案件が対象です。絞り込みと並べ替えは、検索欄が空のときに一覧に適用されます。
list-sort = 並び順
list-sort-newest = 新しい順
list-sort-oldest = 古い順
list-sort-target-date = 治療予定日順
list-sort-name = 患者名順

detail-move-to = 次のステータス
detail-change-status = ステータスを変更
detail-edit = 編集
detail-delete = 削除
detail-delete-item = 「{ $item }」を削除
detail-add = 追加
detail-add-event = 予定を追加
detail-add-document = 書類を追加
detail-add-note = メモを追加
detail-costs = 費用
detail-balance = 残額
detail-days = { $count }日
detail-stay-hint = 日本での滞在が90日を超える場合は在留資格認定証明書が必要です。書類チェックリストに追加されます。
detail-local-time-at = 現地時刻：{ $time }
detail-removed = 削除しました：{ $item }
detail-note-when-hint = 空欄の場合は現在日時で記録します。入力する場合は設定したタイムゾーンの時刻で入力してください。
detail-undo = 元に戻す
detail-dismiss = 閉じる
form-datetime-placeholder = 例：2026-12-01 09:00

settings-profile = コーディネーター
settings-zone-hint = 「今日」の画面では、予定の時刻を現地時刻とこのタイムゾーンの両方で表示します。
settings-database-hint = 別のファイルを開くか、新しいファイルを作成します。現在のファイルは閉じるだけで、変更はされません。
settings-open-database = 別のデータベースを開く…
settings-new-database = 新しいデータベース…
settings-database-filter = Kakehashiデータベース

field-event-kind = 予定の種類
field-event-start = 開始（現地時刻）
field-event-end = 終了（現地時刻）
field-event-zone = タイムゾーン
field-event-title = 詳細
field-document-kind = 書類
field-document-state = 書類の状況
field-document-note = 書類のメモ
field-task-due = 期限
field-note-channel = 連絡手段
field-note-written-at = 記録日時
field-name-en = 英語名
field-name-fr = フランス語名
field-name-ja = 日本語名
field-country = 国
field-city = 都市
field-time-zone = タイムゾーン
field-specialties = 診療分野
field-accreditations = 認証
field-languages = 国際診療窓口の対応言語
field-desk-contact = 国際診療窓口の連絡先
field-home-zone = 居住地のタイムゾーン
field-expected-stay = 滞在予定日数

error-invalid-date-time = 「{ $field }」は有効な日時ではありません（YYYY-MM-DD HH:MMの形式で入力してください）。
error-time-skipped = 「{ $field }」：この時刻はそのタイムゾーンには存在しません（その夜に夏時間が始まり、時計が進むため）。別の時刻を指定してください。
error-end-before-start = 「{ $field }」が開始より前になっています。
error-deposit-over-estimate = 「{ $field }」が概算費用を超えています。
error-item-not-found = この項目はすでに案件にありません。削除された可能性があります。
error-patient-not-found = この患者情報はすでに存在しません。
error-provider-in-use = この医療機関は{ $cases }件の案件で使われているため、削除できません。
