//! The case status pipeline and which moves along it the core allows.

use strum::IntoEnumIterator;

id_enum! {
    /// Where a case stands. The pipeline runs from `Inquiry` to `Closed`;
    /// `OnHold` and `Cancelled` stand beside it.
    "kebab-case" pub enum CaseStatus {
        Inquiry,
        RecordsReview,
        Quoted,
        Confirmed,
        TravelBooked,
        InTreatment,
        Recovering,
        ReturnedHome,
        FollowUp,
        Closed,
        OnHold,
        Cancelled,
    }
}

const PIPELINE: [CaseStatus; 10] = [
    CaseStatus::Inquiry,
    CaseStatus::RecordsReview,
    CaseStatus::Quoted,
    CaseStatus::Confirmed,
    CaseStatus::TravelBooked,
    CaseStatus::InTreatment,
    CaseStatus::Recovering,
    CaseStatus::ReturnedHome,
    CaseStatus::FollowUp,
    CaseStatus::Closed,
];

impl CaseStatus {
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// Position in the pipeline; `None` for on hold and cancelled.
    pub fn stage(self) -> Option<usize> {
        PIPELINE.iter().position(|s| *s == self)
    }

    /// Whether a case here still needs the coordinator's attention.
    pub fn is_active(self) -> bool {
        !matches!(self, CaseStatus::Closed | CaseStatus::Cancelled)
    }

    /// The statuses a coordinator may move a case to from here.
    ///
    /// Forward one step; back one step to correct a slip; a patient who needs no
    /// follow-up may be closed straight from returned home; any open case may be put
    /// on hold or cancelled; a held case resumes at any open stage before treatment
    /// ends, because the hold may have lasted long enough to redo earlier steps.
    /// A closed case may be reopened to follow-up; a cancelled one stays cancelled.
    pub fn allowed_next(self) -> Vec<CaseStatus> {
        use CaseStatus::*;
        match self {
            Cancelled => vec![],
            Closed => vec![FollowUp],
            OnHold => PIPELINE[..PIPELINE.len() - 1]
                .iter()
                .copied()
                .chain([Cancelled])
                .collect(),
            _ => {
                let i = self.stage().expect("pipeline status");
                let mut next = Vec::new();
                if let Some(s) = PIPELINE.get(i + 1) {
                    next.push(*s);
                }
                if self == ReturnedHome {
                    next.push(Closed);
                }
                if i > 0 {
                    next.push(PIPELINE[i - 1]);
                }
                next.push(OnHold);
                next.push(Cancelled);
                next
            }
        }
    }

    pub fn can_move_to(self, to: CaseStatus) -> bool {
        self.allowed_next().contains(&to)
    }

    pub fn all() -> impl Iterator<Item = CaseStatus> {
        CaseStatus::iter()
    }
}

#[cfg(test)]
mod tests {
    use super::CaseStatus::*;
    use super::*;

    #[test]
    fn pipeline_moves_forward_one_step() {
        assert!(Inquiry.can_move_to(RecordsReview));
        assert!(!Inquiry.can_move_to(Quoted));
        assert!(FollowUp.can_move_to(Closed));
    }

    #[test]
    fn a_slip_can_be_corrected_one_step_back() {
        assert!(Quoted.can_move_to(RecordsReview));
        assert!(!Quoted.can_move_to(Inquiry));
    }

    #[test]
    fn every_open_case_can_be_held_or_cancelled() {
        for s in CaseStatus::all().filter(|s| s.is_active() && *s != OnHold) {
            assert!(s.can_move_to(OnHold), "{s:?}");
            assert!(s.can_move_to(Cancelled), "{s:?}");
        }
    }

    #[test]
    fn cancelled_is_final_and_closed_only_reopens_to_follow_up() {
        assert!(Cancelled.allowed_next().is_empty());
        assert_eq!(Closed.allowed_next(), vec![FollowUp]);
    }

    #[test]
    fn held_case_resumes_but_not_straight_to_closed() {
        assert!(OnHold.can_move_to(Confirmed));
        assert!(!OnHold.can_move_to(Closed));
        assert!(!OnHold.can_move_to(OnHold));
    }

    #[test]
    fn ids_are_stable_kebab_case() {
        assert_eq!(RecordsReview.id(), "records-review");
        assert_eq!("travel-booked".parse::<CaseStatus>().unwrap(), TravelBooked);
        assert_eq!(serde_json::to_string(&FollowUp).unwrap(), "\"follow-up\"");
    }
}
