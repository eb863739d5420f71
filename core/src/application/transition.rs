//! The state machine of DOMAIN §3 as one table (state × event → effect), plus the few
//! conditions on an event's fields and rule set. Calendar-free: deadlines are the clock's job, so
//! year aggregation can replay applications without computing any.

use serde::Serialize;

use super::event::{Applicant, Event, EventType, Outcome, Party, Rules};
use crate::date::Date;
use crate::error::Error;
use crate::report::RequestRow;

/// Where an application stands.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Received, the reply period running.
    Received,
    /// 补正: waiting for the corrected application; the period will start afresh.
    AwaitingCorrection,
    /// 征求意见 of a third party and/or other agencies; the period is paused.
    Consulting,
    /// 信息处理费 notified, waiting for payment (the wait is not counted by default).
    AwaitingFee,
    /// 第三十五条: waiting for the applicant's reasons for an excessive request.
    AwaitingReasons,
    /// Closed with an outcome.
    Closed,
}

impl State {
    /// The JSON key.
    ///
    /// ```
    /// assert_eq!(zfxxgk::application::State::AwaitingFee.key(), "awaiting_fee");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            State::Received => "received",
            State::AwaitingCorrection => "awaiting_correction",
            State::Consulting => "consulting",
            State::AwaitingFee => "awaiting_fee",
            State::AwaitingReasons => "awaiting_reasons",
            State::Closed => "closed",
        }
    }
}

/// What an event does in a state.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Effect {
    /// Cannot happen: refused, nothing changes.
    Refuse,
    /// Moves to a state.
    To(State),
    /// Recorded; the state stays (an extension, one more consultation).
    Stay,
    /// Ends one consultation; back to `received` when none is left open.
    Resume,
    /// Closes the application with the event's outcome.
    Close,
}

use Effect::{Close, Refuse, Resume, Stay, To};
use State::{
    AwaitingCorrection as Corr, AwaitingFee as Fee, AwaitingReasons as Reas, Consulting as Cons, Received as Recv,
};

/// Columns: before any event, then `received`, `awaiting_correction`, `consulting`,
/// `awaiting_fee`, `awaiting_reasons`, `closed`. Rows: [`EventType::ALL`] order.
#[rustfmt::skip]
const TABLE: [(EventType, [Effect; 7]); 14] = [
    //                                  new         received   awaiting_corr  consulting  awaiting_fee awaiting_reasons closed
    (EventType::Received,            [To(Recv),   Refuse,    Refuse,        Refuse,     Refuse,      Refuse,          Refuse]),
    // 第三十条: the notice comes while the application is being examined.
    (EventType::CorrectionRequested, [Refuse,     To(Corr),  Refuse,        Refuse,     Refuse,      Refuse,          Refuse]),
    (EventType::Corrected,           [Refuse,     Refuse,    To(Recv),      Refuse,     Refuse,      Refuse,          Refuse]),
    (EventType::CorrectionLapsed,    [Refuse,     Refuse,    Close,         Refuse,     Refuse,      Refuse,          Refuse]),
    // 第三十二条, 第三十四条: several parties may be consulted at once.
    (EventType::ConsultationStarted, [Refuse,     To(Cons),  Refuse,        Stay,       Refuse,      Refuse,          Refuse]),
    (EventType::ConsultationEnded,   [Refuse,     Refuse,    Refuse,        Resume,     Refuse,      Refuse,          Refuse]),
    // 第三十三条: an extension needs a running (or paused) period, not one waiting to restart.
    (EventType::Extended,            [Refuse,     Stay,      Refuse,        Stay,       Stay,        Stay,            Refuse]),
    (EventType::FeeNotice,           [Refuse,     To(Fee),   Refuse,        Refuse,     Refuse,      Refuse,          Refuse]),
    (EventType::FeePaid,             [Refuse,     Refuse,    Refuse,        Refuse,     To(Recv),    Refuse,          Refuse]),
    (EventType::FeeLapsed,           [Refuse,     Refuse,    Refuse,        Refuse,     Close,       Refuse,          Refuse]),
    // 第三十五条.
    (EventType::ReasonsRequested,    [Refuse,     To(Reas),  Refuse,        Refuse,     Refuse,      Refuse,          Refuse]),
    (EventType::ReasonsAccepted,     [Refuse,     Refuse,    Refuse,        Refuse,     Refuse,      To(Recv),        Refuse]),
    // A reply ends a running period; in awaiting_reasons only as rejected_excessive (guard).
    (EventType::Replied,             [Refuse,     Close,     Refuse,        Refuse,     Refuse,      Close,           Refuse]),
    (EventType::Withdrawn,           [Refuse,     Close,     Close,         Close,      Close,       Close,           Refuse]),
];

fn column(state: Option<State>) -> usize {
    match state {
        None => 0,
        Some(State::Received) => 1,
        Some(State::AwaitingCorrection) => 2,
        Some(State::Consulting) => 3,
        Some(State::AwaitingFee) => 4,
        Some(State::AwaitingReasons) => 5,
        Some(State::Closed) => 6,
    }
}

/// The table's effect of an event type in a state (`None` = before any event).
pub(crate) fn effect(state: Option<State>, event: EventType) -> Effect {
    TABLE.iter().find(|(e, _)| *e == event).and_then(|(_, row)| row.get(column(state)).copied()).unwrap_or(Refuse)
}

/// The conditions beyond the table, each with the reason given when it fails (中文, English).
fn guard(machine: &Machine, event: &Event) -> Option<(&'static str, &'static str)> {
    match event {
        // 第三十五条 exists only in R2019.
        Event::ReasonsRequested { .. } if machine.rules == Rules::R2007 => Some((
            "第三十五条（要求说明理由）只适用于 2019 年条例",
            "R2019 第三十五条 (asking for reasons) does not exist under R2007",
        )),
        // 第三十四条 (consulting other agencies, not counted) is new in R2019.
        Event::ConsultationStarted { party: Party::Agency, .. } if machine.rules == Rules::R2007 => Some((
            "2007 年条例没有征求其他机关意见不计入期限的规定",
            "R2007 has no consultation of other agencies that stops the clock (R2019 第三十四条)",
        )),
        // The unreasonable case of 第三十五条 is answered with rejected_excessive; any other
        // reply follows the reasons being accepted.
        Event::Replied { outcome, .. }
            if machine.state == Some(State::AwaitingReasons) && outcome.row() != RequestRow::RejectedExcessive =>
        {
            Some((
                "等待说明理由时只能以“无正当理由大量反复申请”答复，否则应先接受理由",
                "while awaiting reasons the only reply is rejected_excessive; otherwise accept the reasons first",
            ))
        }
        // These outcomes have their own events, which check the conditions that lead to them.
        Event::Replied { outcome, .. }
            if matches!(outcome.row(), RequestRow::OtherNoCorrection | RequestRow::OtherFeeUnpaid) =>
        {
            Some((
                "逾期不补正、逾期不缴费应记录为 correction_lapsed、fee_lapsed 事件",
                "record other_no_correction and other_fee_unpaid as correction_lapsed and fee_lapsed events",
            ))
        }
        Event::ReasonsAccepted { at, due } if due <= at => Some((
            "接受理由后确定的答复期限应晚于当日",
            "the deadline set on accepting the reasons must be after that day",
        )),
        Event::CorrectionRequested { at, due: Some(due) } if due < at => {
            Some(("补正期限早于补正告知日", "the correction due date is before the correction notice"))
        }
        _ => None,
    }
}

/// The application's lifecycle: state, rule set, applicant, key dates. What aggregation needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Machine {
    /// `None` before the first event.
    pub state: Option<State>,
    pub rules: Rules,
    pub applicant: Option<Applicant>,
    /// The first receipt (a correction does not change it: the application was received then).
    pub received: Option<Date>,
    pub last_at: Option<Date>,
    pub open_consultations: u32,
    pub correction_notices: u32,
    pub outcome: Option<Outcome>,
    pub closed: Option<Date>,
}

impl Machine {
    pub fn new() -> Machine {
        Machine {
            state: None,
            rules: Rules::R2019,
            applicant: None,
            received: None,
            last_at: None,
            open_consultations: 0,
            correction_notices: 0,
            outcome: None,
            closed: None,
        }
    }

    /// The effect `event` (number `index`) would have, or the refusal. Changes nothing.
    pub fn check(&self, index: usize, event: &Event) -> Result<Effect, Error> {
        let kind = event.event_type();
        let refuse = |zh: String, en: String| Error::EventRefused { index, event: kind.key(), zh, en };
        let effect = effect(self.state, kind);
        if effect == Refuse {
            return Err(match self.state {
                None => refuse("第一个事件必须是 received".into(), "the first event must be `received`".into()),
                Some(s) => refuse(
                    format!("状态“{}”下不能发生此事件", s.key()),
                    format!("cannot happen in state `{}`", s.key()),
                ),
            });
        }
        if let Some(last) = self.last_at {
            if event.at() < last {
                return Err(refuse(
                    format!("日期 {} 早于上一个事件的 {last}", event.at()),
                    format!("dated {}, before the previous event ({last})", event.at()),
                ));
            }
        }
        if let Some((zh, en)) = guard(self, event) {
            return Err(refuse(zh.into(), en.into()));
        }
        Ok(effect)
    }

    /// Applies an event already [`check`](Machine::check)ed to have `effect`.
    pub fn apply(&mut self, event: &Event, effect: Effect) {
        self.last_at = Some(event.at());
        match event {
            Event::Received { at, applicant, rules, .. } => {
                self.rules = rules.unwrap_or_else(|| Rules::for_receipt(*at));
                self.applicant = Some(*applicant);
                self.received = Some(*at);
            }
            Event::CorrectionRequested { .. } => self.correction_notices = self.correction_notices.saturating_add(1),
            Event::ConsultationStarted { .. } => self.open_consultations = self.open_consultations.saturating_add(1),
            Event::ConsultationEnded { .. } => self.open_consultations = self.open_consultations.saturating_sub(1),
            _ => {}
        }
        match effect {
            Refuse | Stay => {}
            To(state) => self.state = Some(state),
            Resume => {
                if self.open_consultations == 0 {
                    self.state = Some(State::Received);
                }
            }
            Close => {
                self.state = Some(State::Closed);
                self.outcome = closing_outcome(event);
                self.closed = Some(event.at());
            }
        }
    }

    /// Checks and applies, for callers that need only the lifecycle.
    pub fn step(&mut self, index: usize, event: &Event) -> Result<(), Error> {
        let effect = self.check(index, event)?;
        self.apply(event, effect);
        Ok(())
    }
}

/// The table-三 row an event closes an application with.
fn closing_outcome(event: &Event) -> Option<Outcome> {
    let row = match event {
        Event::Replied { outcome, .. } => return Some(*outcome),
        Event::CorrectionLapsed { .. } => RequestRow::OtherNoCorrection,
        Event::FeeLapsed { .. } => RequestRow::OtherFeeUnpaid,
        Event::Withdrawn { .. } => RequestRow::OtherMisc,
        _ => return None,
    };
    Outcome::new(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_one_row_per_event_type_in_order() {
        let rows: Vec<EventType> = TABLE.iter().map(|(e, _)| *e).collect();
        assert_eq!(rows, EventType::ALL.to_vec());
    }

    #[test]
    fn closed_refuses_everything_and_only_received_opens() {
        for e in EventType::ALL {
            assert_eq!(effect(Some(State::Closed), e), Refuse, "{e:?}");
            let opens = effect(None, e) != Refuse;
            assert_eq!(opens, e == EventType::Received, "{e:?}");
        }
    }

    #[test]
    fn withdrawal_is_possible_in_every_open_state() {
        for s in [Recv, Corr, Cons, Fee, Reas] {
            assert_eq!(effect(Some(s), EventType::Withdrawn), Close);
        }
    }
}
