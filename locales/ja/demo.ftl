## デモデータ：架空の案件のタスクとメモ。コーディネーターの言語で、本人が入力したように書く。

demo-task-send-referral = 国際診療窓口へ紹介状を送付
demo-task-book-flights = 航空券を手配
demo-task-confirm-interpreter = 診察に同席する通訳者を確認
demo-task-request-translation = 診療記録の翻訳（翻訳証明書付き）を依頼
demo-task-collect-deposit = デポジットを受領
demo-task-follow-up-call = 帰国後のフォローアップの電話
demo-note-passport = 患者に電話し、パスポートの有効期限を確認しました。
demo-note-imaging = 病院の国際診療窓口から、最新のCT画像をディスクで送るよう依頼がありました。
demo-note-companion = 患者の娘が同伴者として渡航する予定です。到着時に車椅子が必要です。
demo-note-diet = グルテンフリー食が必要です。入院前に病院へ連絡します。
