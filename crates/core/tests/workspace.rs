//! The coordinator's workspace through the core: editing every section of a case,
//! the dashboard, list filters, patients and providers, on real SQLite files.

mod common;

use chrono::{TimeZone, Utc};
use common::*;
use kakehashi_core::{
    CaseListQuery, CaseSort, CaseStatus, CaseUpdate, CostsInput, Currency, Direction,
    DocumentInput, DocumentKind, DocumentState, Error, EventInput, EventKind, Field, NewPatient,
    NoteInput, Priority, ProviderId, ProviderInput, Removed, TaskInput,
};

fn event(kind: &str, local: &str, zone: &str) -> EventInput {
    EventInput {
        kind: kind.into(),
        starts_local: local.into(),
        zone: zone.into(),
        ..Default::default()
    }
}

#[test]
fn a_case_walks_the_whole_pipeline_and_each_step_is_on_the_timeline() {
    let (_d, mut store) = store();
    let r = store.create_case(&takahashi()).unwrap();
    use CaseStatus::*;
    let path = [
        RecordsReview,
        Quoted,
        Confirmed,
        TravelBooked,
        InTreatment,
        Recovering,
        ReturnedHome,
        FollowUp,
        Closed,
    ];
    for to in path {
        let d = store.change_status(r.as_str(), to).unwrap();
        assert_eq!(d.summary.status, to);
        assert_eq!(d.allowed_next, to.allowed_next());
    }
    let d = store.case_detail(r.as_str()).unwrap();
    let changes: Vec<_> = d
        .timeline
        .iter()
        .filter(|e| e.kind == EventKind::StatusChange)
        .map(|e| e.status_to.unwrap())
        .collect();
    assert_eq!(changes.len(), path.len() + 1, "opened plus each step");
    assert_eq!(changes.last(), Some(&Closed));
}

#[test]
fn an_event_is_stored_as_an_instant_and_read_back_in_its_own_zone() {
    let (_d, mut store) = store();
    let r = store.create_case(&takahashi()).unwrap();
    let mut input = event("procedure", "2026-12-01T09:00", "Asia/Tokyo");
    input.ends_local = Some("2026-12-01T11:30".into());
    input.title = Some("陽子線治療 1回目".into());
    let d = store.add_event(r.as_str(), &input).unwrap();
    let e = d
        .timeline
        .iter()
        .find(|e| e.kind == EventKind::Procedure)
        .unwrap();
    assert_eq!(
        e.starts_at,
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap()
    );
    assert_eq!(e.starts_local, "2026-12-01T09:00");
    assert_eq!(e.ends_local.as_deref(), Some("2026-12-01T11:30"));
    assert_eq!(e.title.as_deref(), Some("陽子線治療 1回目"));

    // Moved to Toronto's clock: the same form, another zone.
    let moved = event("procedure", "2026-12-01T09:00", "America/Toronto");
    let d = store.update_event(r.as_str(), e.id, &moved).unwrap();
    let e = d.timeline.iter().find(|x| x.id == e.id).unwrap();
    assert_eq!(
        e.starts_at,
        Utc.with_ymd_and_hms(2026, 12, 1, 14, 0, 0).unwrap()
    );
}

#[test]
fn bad_events_are_refused_naming_the_field_and_nothing_is_written() {
    let (_d, mut store) = store();
    let r = store.create_case(&takahashi()).unwrap();
    let before = store.case_detail(r.as_str()).unwrap().timeline.len();
    let field = |e: Error| e.field();
    let mut end_first = event("flight", "2026-12-01T09:00", "Asia/Tokyo");
    end_first.ends_local = Some("2026-12-01T08:00".into());
    let cases = [
        (
            event("", "2026-12-01T09:00", "Asia/Tokyo"),
            Field::EventKind,
        ),
        (
            event("status-change", "2026-12-01T09:00", "Asia/Tokyo"),
            Field::EventKind,
        ),
        (
            event("flight", "01/12/2026 9h", "Asia/Tokyo"),
            Field::EventStart,
        ),
        (
            event("flight", "2026-12-01T09:00", "Tokyo"),
            Field::EventZone,
        ),
        (
            event("flight", "2026-03-08T02:30", "America/Toronto"),
            Field::EventStart,
        ),
        (end_first, Field::EventEnd),
    ];
    for (input, expected) in cases {
        let err = store.add_event(r.as_str(), &input).unwrap_err();
        assert_eq!(field(err), Some(expected), "{input:?}");
    }
    assert_eq!(
        store.case_detail(r.as_str()).unwrap().timeline.len(),
        before
    );
}

#[test]
fn a_deleted_event_comes_back_with_undo_but_status_changes_cannot_be_deleted() {
    let (_d, mut store) = store();
    let r = store.create_case(&takahashi()).unwrap();
    let d = store
        .add_event(
            r.as_str(),
            &event("flight", "2026-12-01T09:00", "America/Vancouver"),
        )
        .unwrap();
    let flight = d
        .timeline
        .iter()
        .find(|e| e.kind == EventKind::Flight)
        .unwrap()
        .clone();
    let opened = d
        .timeline
        .iter()
        .find(|e| e.kind == EventKind::StatusChange)
        .unwrap();
    assert!(matches!(
        store.delete_event(r.as_str(), opened.id),
        Err(Error::ItemNotFound)
    ));
    let removal = store.delete_event(r.as_str(), flight.id).unwrap();
    assert!(!removal.detail.timeline.iter().any(|e| e.id == flight.id));
    assert_eq!(removal.removed, Removed::Event(flight.clone()));
    let back = store.restore(r.as_str(), &removal.removed).unwrap();
    assert_eq!(
        back.timeline.iter().find(|e| e.id == flight.id),
        Some(&flight)
    );
}

#[test]
fn an_item_of_one_case_cannot_be_changed_through_another() {
    let (_d, mut store) = store();
    let a = store.create_case(&takahashi()).unwrap();
    let b = store
        .create_case(&new_case("Côté", "Élodie", "ca-to-jp"))
        .unwrap();
    let doc_of_a = store.case_detail(a.as_str()).unwrap().documents[0].id;
    let verified = DocumentInput {
        state: "verified".into(),
        note: None,
    };
    assert!(matches!(
        store.set_document(b.as_str(), doc_of_a, &verified),
        Err(Error::ItemNotFound)
    ));
    assert!(matches!(
        store.delete_document(b.as_str(), doc_of_a),
        Err(Error::ItemNotFound)
    ));
    let a_docs = store.case_detail(a.as_str()).unwrap().documents;
    assert!(a_docs.iter().all(|d| d.state == DocumentState::Missing));
}

#[test]
fn documents_are_ticked_added_removed_and_restored() {
    let (_d, mut store) = store();
    let r = store
        .create_case(&new_case("Côté", "Élodie", "ca-to-jp"))
        .unwrap();
    let d = store.case_detail(r.as_str()).unwrap();
    let passport = d
        .documents
        .iter()
        .find(|x| x.kind == DocumentKind::Passport)
        .unwrap()
        .id;
    let d = store
        .set_document(
            r.as_str(),
            passport,
            &DocumentInput {
                state: "requested".into(),
                note: Some("Renewal under way".into()),
            },
        )
        .unwrap();
    let item = d.documents.iter().find(|x| x.id == passport).unwrap();
    assert_eq!(item.state, DocumentState::Requested);
    assert_eq!(item.note.as_deref(), Some("Renewal under way"));
    let bad = store
        .set_document(
            r.as_str(),
            passport,
            &DocumentInput {
                state: "lost".into(),
                note: None,
            },
        )
        .unwrap_err();
    assert_eq!(bad.field(), Some(Field::DocumentState));

    let d = store.add_document(r.as_str(), "other").unwrap();
    assert_eq!(d.documents.last().unwrap().kind, DocumentKind::Other);
    let removal = store.delete_document(r.as_str(), passport).unwrap();
    assert!(!removal.detail.documents.iter().any(|x| x.id == passport));
    let back = store.restore(r.as_str(), &removal.removed).unwrap();
    let again = back.documents.iter().find(|x| x.id == passport).unwrap();
    assert_eq!(again.note.as_deref(), Some("Renewal under way"));
}

#[test]
fn a_long_stay_in_japan_adds_the_certificate_of_eligibility_once() {
    let (_d, mut store) = store();
    let r = store
        .create_case(&new_case("Côté", "Élodie", "ca-to-jp"))
        .unwrap();
    let has_coe = |d: &kakehashi_core::CaseDetail| {
        d.documents
            .iter()
            .filter(|x| x.kind == DocumentKind::CertificateOfEligibility)
            .count()
    };
    assert_eq!(has_coe(&store.case_detail(r.as_str()).unwrap()), 0);
    let update = CaseUpdate {
        specialty: "heavy-ion-therapy".into(),
        priority: "high".into(),
        expected_stay_days: Some(120),
        ..Default::default()
    };
    let d = store.update_case(r.as_str(), &update).unwrap();
    assert_eq!(has_coe(&d), 1);
    assert_eq!(d.summary.priority, Priority::High);
    assert_eq!(d.expected_stay_days, Some(120));
    assert_eq!(
        has_coe(&store.update_case(r.as_str(), &update).unwrap()),
        1,
        "not twice"
    );
}

#[test]
fn the_header_refuses_a_provider_in_the_wrong_country_and_a_target_before_opening() {
    let (_d, mut store) = demo_store(5);
    let case = store.list_cases(&CaseListQuery::default()).unwrap().cases[0].clone();
    let wrong = store
        .providers()
        .unwrap()
        .into_iter()
        .find(|p| p.summary.country != case.direction.destination())
        .unwrap();
    let before = store.case_detail(case.reference.as_str()).unwrap();
    let update = CaseUpdate {
        specialty: "oncology".into(),
        provider_id: Some(wrong.summary.id),
        ..Default::default()
    };
    assert_eq!(
        store
            .update_case(case.reference.as_str(), &update)
            .unwrap_err()
            .field(),
        Some(Field::Provider)
    );
    let early = CaseUpdate {
        specialty: "oncology".into(),
        target_date: Some("1999-01-01".into()),
        ..Default::default()
    };
    assert_eq!(
        store
            .update_case(case.reference.as_str(), &early)
            .unwrap_err()
            .field(),
        Some(Field::TargetDate)
    );
    assert_eq!(
        store.case_detail(case.reference.as_str()).unwrap(),
        before,
        "nothing changed"
    );
}

#[test]
fn costs_are_integer_minor_units_and_the_balance_is_counted_by_the_core() {
    let (_d, mut store) = store();
    let r = store.create_case(&takahashi()).unwrap();
    let d = store
        .update_costs(
            r.as_str(),
            &CostsInput {
                currency: "cad".into(),
                estimate: Some("12 500,50".into()),
                deposit: Some("2500".into()),
            },
        )
        .unwrap();
    let e = d.estimated_cost.unwrap();
    assert_eq!((e.minor, e.currency), (1_250_050, Currency::Cad));
    assert_eq!(d.balance.unwrap().minor, 1_000_050);
    let yen = |estimate: &str, deposit: &str| CostsInput {
        currency: "JPY".into(),
        estimate: Some(estimate.into()),
        deposit: Some(deposit.into()),
    };
    assert_eq!(
        store
            .update_costs(r.as_str(), &yen("3,200,000.5", "0"))
            .unwrap_err()
            .field(),
        Some(Field::EstimatedCost),
        "yen have no decimals"
    );
    assert_eq!(
        store
            .update_costs(r.as_str(), &yen("1,000", "2,000"))
            .unwrap_err()
            .code(),
        "error-deposit-over-estimate"
    );
    let d = store
        .update_costs(r.as_str(), &yen("3,200,000", "500,000"))
        .unwrap();
    assert_eq!(d.balance.unwrap().minor, 2_700_000);
    assert_eq!(d.balance.unwrap().currency, Currency::Jpy);
}

#[test]
fn tasks_are_done_undone_deleted_and_restored_and_notes_become_searchable() {
    let (_d, mut store) = store();
    let r = store.create_case(&takahashi()).unwrap();
    let task = TaskInput {
        title: "Send the CT images to the desk".into(),
        due_on: Some("2026-10-30".into()),
    };
    let d = store.add_task(r.as_str(), &task).unwrap();
    let t = d.tasks[0].clone();
    assert_eq!(t.due_in_days, Some(-2), "today is 2026-11-01 in tests");
    let d = store.set_task_done(r.as_str(), t.id, true).unwrap();
    assert!(d.tasks[0].done);
    let removal = store.delete_task(r.as_str(), t.id).unwrap();
    assert!(removal.detail.tasks.is_empty());
    let d = store.restore(r.as_str(), &removal.removed).unwrap();
    assert_eq!(d.tasks[0].id, t.id);
    assert!(d.tasks[0].done, "restored as it was");
    assert_eq!(
        store
            .add_task(
                r.as_str(),
                &TaskInput {
                    title: " ".into(),
                    due_on: None
                }
            )
            .unwrap_err()
            .field(),
        Some(Field::TaskTitle)
    );

    let note = NoteInput {
        channel: "phone".into(),
        body: "Daughter will travel as interpreter; prefers the Zoom link".into(),
        ..Default::default()
    };
    let d = store.add_note(r.as_str(), &note).unwrap();
    assert_eq!(d.notes.len(), 1);
    let hits = store.search("interpreter zoom", 10).unwrap();
    assert_eq!(hits.first().map(|h| h.reference.clone()), Some(r.clone()));
    let future = NoteInput {
        written_local: Some("2999-01-01T09:00".into()),
        zone: Some("Asia/Tokyo".into()),
        ..note
    };
    assert_eq!(
        store.add_note(r.as_str(), &future).unwrap_err().field(),
        Some(Field::NoteWrittenAt)
    );
}

#[test]
fn the_dashboard_shows_what_is_due_coming_and_waiting_and_drops_what_is_done() {
    let (_d, mut store) = store();
    let r = store.create_case(&takahashi()).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 3, 0, 0).unwrap();
    let d = store
        .add_task(
            r.as_str(),
            &TaskInput {
                title: "Overdue".into(),
                due_on: Some("2026-10-28".into()),
            },
        )
        .unwrap();
    let overdue = d.tasks[0].id;
    store
        .add_task(
            r.as_str(),
            &TaskInput {
                title: "Soon".into(),
                due_on: Some("2026-11-05".into()),
            },
        )
        .unwrap();
    store
        .add_task(
            r.as_str(),
            &TaskInput {
                title: "Later".into(),
                due_on: Some("2026-12-20".into()),
            },
        )
        .unwrap();
    store
        .add_event(
            r.as_str(),
            &event("consultation", "2026-11-03T10:00", "Asia/Tokyo"),
        )
        .unwrap();
    store
        .add_event(
            r.as_str(),
            &event("admission", "2026-12-30T10:00", "Asia/Tokyo"),
        )
        .unwrap();
    let passport = store.case_detail(r.as_str()).unwrap().documents[0].id;
    store
        .set_document(
            r.as_str(),
            passport,
            &DocumentInput {
                state: "requested".into(),
                note: None,
            },
        )
        .unwrap();

    let dash = store.dashboard(now).unwrap();
    assert_eq!(
        dash.overdue
            .iter()
            .map(|t| t.title.as_str())
            .collect::<Vec<_>>(),
        ["Overdue"]
    );
    assert_eq!(dash.overdue[0].case.reference, r);
    assert_eq!(
        dash.due_soon
            .iter()
            .map(|t| t.title.as_str())
            .collect::<Vec<_>>(),
        ["Soon"]
    );
    assert_eq!(
        dash.upcoming.len(),
        1,
        "the December admission is beyond 14 days"
    );
    assert_eq!(dash.upcoming[0].kind, EventKind::Consultation);
    assert_eq!(dash.waiting[0].documents, vec![DocumentKind::Passport]);
    let inquiry = dash
        .status_counts
        .iter()
        .find(|c| c.status == CaseStatus::Inquiry)
        .unwrap();
    assert_eq!(inquiry.count, 1);

    store.set_task_done(r.as_str(), overdue, true).unwrap();
    store
        .change_status(r.as_str(), CaseStatus::Cancelled)
        .unwrap();
    let dash = store.dashboard(now).unwrap();
    assert!(
        dash.overdue.is_empty() && dash.due_soon.is_empty(),
        "cancelled cases need nothing"
    );
    assert!(dash.upcoming.is_empty() && dash.waiting.is_empty());
    assert_eq!(dash.overdue_total, 0);
}

#[test]
fn the_case_list_filters_and_sorts_and_counts_what_it_filters() {
    let (_d, store) = demo_store(300);
    let all = store
        .list_cases(&CaseListQuery {
            limit: Some(500),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.total, 300);
    let q = CaseListQuery {
        direction: Some(Direction::JapanToCanada),
        priority: Some(Priority::High),
        limit: Some(500),
        ..Default::default()
    };
    let page = store.list_cases(&q).unwrap();
    let expected = all
        .cases
        .iter()
        .filter(|c| c.direction == Direction::JapanToCanada && c.priority == Priority::High)
        .count();
    assert!(expected > 0);
    assert_eq!(page.total as usize, expected);
    assert_eq!(page.cases.len(), expected);
    let provider = all
        .cases
        .iter()
        .find_map(|c| c.provider_name_en.clone())
        .unwrap();
    let pid = store
        .providers()
        .unwrap()
        .into_iter()
        .find(|p| p.summary.name_en == provider)
        .unwrap()
        .summary
        .id;
    let by_provider = store
        .list_cases(&CaseListQuery {
            provider_id: Some(pid),
            limit: Some(500),
            ..Default::default()
        })
        .unwrap();
    assert!(
        by_provider
            .cases
            .iter()
            .all(|c| c.provider_name_en.as_deref() == Some(&*provider))
    );

    let by_name = store
        .list_cases(&CaseListQuery {
            sort: Some(CaseSort::Name),
            limit: Some(500),
            ..Default::default()
        })
        .unwrap();
    let names: Vec<(String, String)> = by_name
        .cases
        .iter()
        .map(|c| (c.family_name.clone(), c.given_name.clone()))
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]));
    let oldest = store
        .list_cases(&CaseListQuery {
            sort: Some(CaseSort::Oldest),
            limit: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(oldest.cases[0].id, all.cases.last().unwrap().id);
    let by_target = store
        .list_cases(&CaseListQuery {
            sort: Some(CaseSort::TargetDate),
            limit: Some(500),
            ..Default::default()
        })
        .unwrap();
    let dates: Vec<_> = by_target
        .cases
        .iter()
        .filter_map(|c| c.target_date)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn editing_a_patient_is_searchable_at_once_and_logged_without_values() {
    let (_d, mut store) = store();
    let r = store.create_case(&takahashi()).unwrap();
    let pid = store.case_detail(r.as_str()).unwrap().patient.id;
    let edit = NewPatient {
        family_name: "髙橋".into(),
        given_name: "健一".into(),
        family_name_kana: Some("たかはし".into()),
        passport_number: Some("TR1234567".into()),
        home_zone: Some("Asia/Tokyo".into()),
        ..Default::default()
    };
    let p = store.update_patient(pid, &edit).unwrap();
    assert_eq!(p.family_name, "髙橋");
    assert_eq!(p.home_zone.as_deref(), Some("Asia/Tokyo"));
    assert_eq!(
        store.search("TR1234567", 5).unwrap().len(),
        0,
        "passports are not searchable"
    );
    let page = store
        .list_patients(&kakehashi_core::PatientQuery {
            query: Some("髙橋".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.patients[0].cases, vec![r.clone()]);
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let detail: String = conn
        .query_row(
            "SELECT detail FROM audit_log WHERE entity = 'patient' AND action = 'edit'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        detail.contains("passport_number") && !detail.contains("TR1234567"),
        "{detail}"
    );
    let bad = NewPatient {
        home_zone: Some("Tokyo".into()),
        ..edit
    };
    assert_eq!(
        store.update_patient(pid, &bad).unwrap_err().field(),
        Some(Field::HomeZone)
    );
}

#[test]
fn providers_are_created_edited_and_deleted_only_when_unused() {
    let (_d, mut store) = demo_store(20);
    let input = ProviderInput {
        accreditations: vec!["JMIP".into()],
        languages: vec!["ja".into(), "en".into(), "zh".into()],
        ..common::okinawa_provider()
    };
    let p = store.create_provider(&input).unwrap();
    assert_eq!(p.summary.name_fr, "Okinawa Heart Institute");
    let renamed = ProviderInput {
        name_fr: "Institut du cœur d’Okinawa".into(),
        ..input.clone()
    };
    let p = store.update_provider(p.summary.id, &renamed).unwrap();
    assert_eq!(p.summary.name_fr, "Institut du cœur d’Okinawa");
    store.delete_provider(p.summary.id).unwrap();
    assert!(matches!(
        store.delete_provider(p.summary.id),
        Err(Error::ProviderNotFound { .. })
    ));

    let used = store
        .list_cases(&CaseListQuery::default())
        .unwrap()
        .cases
        .into_iter()
        .find_map(|c| c.provider_name_en)
        .unwrap();
    let used = store
        .providers()
        .unwrap()
        .into_iter()
        .find(|p| p.summary.name_en == used)
        .unwrap();
    assert!(matches!(
        store.delete_provider(used.summary.id),
        Err(Error::ProviderInUse { cases }) if cases > 0
    ));
    // Renaming a provider renames it in the search of every case it treats.
    let mut edit = ProviderInput {
        name_en: "Zyxwv Renamed Hospital".into(),
        name_fr: used.summary.name_fr.clone(),
        name_ja: used.summary.name_ja.clone(),
        country: <&str>::from(used.summary.country).into(),
        city: used.summary.city.clone(),
        time_zone: used.summary.time_zone.clone(),
        ..Default::default()
    };
    store.update_provider(used.summary.id, &edit).unwrap();
    assert!(!store.search("zyxwv", 5).unwrap().is_empty());
    edit.country = if used.summary.country == kakehashi_core::Country::Jp {
        "CA"
    } else {
        "JP"
    }
    .into();
    assert_eq!(
        store
            .update_provider(used.summary.id, &edit)
            .unwrap_err()
            .field(),
        Some(Field::Country),
        "cases travel to it: it cannot change country"
    );
    assert!(matches!(
        store.update_provider(ProviderId(9999), &input),
        Err(Error::ProviderNotFound { id: 9999 })
    ));
}

#[test]
fn reading_the_first_screen_changes_nothing_in_the_file() {
    let (dir, store) = demo_store(200);
    let files = || {
        ["cases.sqlite", "cases.sqlite-wal"]
            .map(|f| std::fs::read(dir.path().join(f)).unwrap_or_default())
    };
    let before = files();
    // The app reads it while the window starts, before anything else is asked.
    store.dashboard(Utc::now()).unwrap();
    store.case_count().unwrap();
    assert_eq!(
        files(),
        before,
        "reading the first screen wrote to the database"
    );
}
