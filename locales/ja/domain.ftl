## Domain values. Ids are the stable ids stored in the database.

case-status-inquiry = 問い合わせ
case-status-records-review = 診療記録確認
case-status-quoted = 見積済み
case-status-confirmed = 受入確定
case-status-travel-booked = 渡航手配済み
case-status-in-treatment = 治療中
case-status-recovering = 療養中
case-status-returned-home = 帰国済み
case-status-follow-up = フォローアップ
case-status-closed = 終了
case-status-on-hold = 保留
case-status-cancelled = キャンセル

direction-ca-to-jp = カナダ → 日本
direction-jp-to-ca = 日本 → カナダ

specialty-oncology = がん治療
specialty-proton-therapy = 陽子線治療
specialty-heavy-ion-therapy = 重粒子線治療
specialty-cardiac-surgery = 心臓外科
specialty-orthopaedics = 整形外科
specialty-neurosurgery = 脳神経外科
specialty-regenerative-medicine = 再生医療
specialty-fertility = 不妊治療
specialty-health-screening = 人間ドック
specialty-rehabilitation = リハビリテーション
specialty-other = その他

priority-low = 低
priority-normal = 通常
priority-high = 高
priority-urgent = 緊急

sex-female = 女性
sex-male = 男性
sex-other = その他
sex-unspecified = 未回答

lang-en = 英語
lang-fr = フランス語
lang-ja = 日本語

event-consultation = 診察・相談
event-flight = フライト
event-arrival = 到着
event-admission = 入院
event-procedure = 処置・手術
event-discharge = 退院
event-follow-up = フォローアップ
event-status-change = ステータス変更
event-other = その他

document-passport = パスポート
document-medical-stay-visa = 医療滞在ビザ
document-eta = eTA（電子渡航認証）
document-guarantor-letter = 身元保証書（身元保証機関）
document-certificate-of-eligibility = 在留資格認定証明書
document-treatment-schedule = 受診等予定表
document-acceptance-certificate = 医療機関の受入証明書
document-referral-letter = 紹介状（診療情報提供書）
document-medical-records = 診療記録
document-translated-records = 診療記録の翻訳（翻訳証明書付き）
document-imaging = 画像データ
document-insurance = 保険書類
document-consent-form = 同意書
document-cost-estimate = 費用見積書
document-other = その他の書類

document-state-missing = 未入手
document-state-requested = 依頼済み
document-state-received = 受領済み
document-state-verified = 確認済み
document-state-not-needed = 不要

note-channel-phone = 電話
note-channel-email = メール
note-channel-meeting = 面談
note-channel-message = メッセージ

country-CA = カナダ
country-JP = 日本
