//! The events of an application (DESIGN.md "Application events"): one JSON object each, `type`
//! plus `at` and the fields of that type, nothing else.

use std::fmt;
use std::num::NonZeroU32;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use crate::date::Date;
use crate::report::{Key, RequestColumn, RequestRow};

/// The rule set an application is handled under: 国务院令第492号 (R2007) or 第711号 (R2019).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Rules {
    /// 国务院令第492号 (2007): applications received before 2019-05-15.
    R2007,
    /// 国务院令第711号 (the 2019 revision): applications received from 2019-05-15.
    R2019,
}

impl Rules {
    /// The rules in force on the receipt date: R2019 from 2019-05-15 (its entry into force),
    /// R2007 before.
    ///
    /// ```
    /// use zfxxgk::application::Rules;
    /// assert_eq!(Rules::for_receipt("2019-05-14".parse()?), Rules::R2007);
    /// assert_eq!(Rules::for_receipt("2019-05-15".parse()?), Rules::R2019);
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn for_receipt(date: Date) -> Rules {
        if (date.year(), date.month(), date.day()) < (2019, 5, 15) { Rules::R2007 } else { Rules::R2019 }
    }

    /// The JSON key: "2007" or "2019".
    ///
    /// ```
    /// assert_eq!(zfxxgk::application::Rules::R2007.key(), "2007");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            Rules::R2007 => "2007",
            Rules::R2019 => "2019",
        }
    }

    /// The reply period in working days: R2019 第三十三条 20, R2007 第二十四条 15.
    ///
    /// ```
    /// use zfxxgk::application::Rules;
    /// assert_eq!((Rules::R2019.reply_days(), Rules::R2007.reply_days()), (20, 15));
    /// ```
    pub fn reply_days(self) -> u32 {
        match self {
            Rules::R2007 => 15,
            Rules::R2019 => 20,
        }
    }

    /// The longest extension in working days (the same articles): 20, R2007 15.
    ///
    /// ```
    /// assert_eq!(zfxxgk::application::Rules::R2007.max_extension_days(), 15);
    /// ```
    pub fn max_extension_days(self) -> u32 {
        self.reply_days()
    }
}

impl Serialize for Rules {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Rules {
    /// "2007" / "2019", as a string or a number.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rules, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Rules;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`2007` or `2019`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Rules, E> {
                match v {
                    "2007" => Ok(Rules::R2007),
                    "2019" => Ok(Rules::R2019),
                    _ => Err(E::custom(format_args!(
                        "unknown rules `{}`, expected `2007` or `2019`",
                        crate::report::keyed::clip(v)
                    ))),
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Rules, E> {
                self.visit_str(&v.to_string())
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// How the application reached the agency. 第三十一条 sets the receipt date by channel: in
/// person the day of submission; post the day the agency signs for it; online or fax the day both
/// sides confirm. `at` of the `received` event is that date.
///
/// ```
/// let c: zfxxgk::application::Channel = serde_json::from_str(r#""in_person""#).unwrap();
/// assert_eq!(c, zfxxgk::application::Channel::InPerson);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 当面提交: received on the day of submission.
    InPerson,
    /// 邮寄: received on the day the agency signs for it (or confirms an unsigned letter).
    Post,
    /// 互联网渠道 (online): received on the day both sides confirm.
    Online,
    /// 传真 (fax): received on the day both sides confirm.
    Fax,
}

/// Who is consulted: a third party (第三十二条) or other agencies (第三十四条).
///
/// ```
/// let p: zfxxgk::application::Party = serde_json::from_str(r#""third_party""#).unwrap();
/// assert_eq!(p, zfxxgk::application::Party::ThirdParty);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// 第三方 (第三十二条): disclosure may harm its lawful rights.
    ThirdParty,
    /// 其他机关 (第三十四条): agencies that made the information jointly with the one asked.
    Agency,
}

/// How the reply was delivered. A posted reply counts on the day it is posted
/// (国办公开办函〔2016〕235号), so `at` of a `replied` event is the posting day.
///
/// ```
/// let d: zfxxgk::application::Delivery = serde_json::from_str(r#""post""#).unwrap();
/// assert_eq!(d, zfxxgk::application::Delivery::Post);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// 当面送达: handed to the applicant.
    InPerson,
    /// 邮寄: posted; the reply counts on the posting day.
    Post,
    /// 网上: through the online channel.
    Online,
}

/// The applicant's kind: a table-三 column other than `total`.
///
/// ```
/// use zfxxgk::application::Applicant;
/// use zfxxgk::report::RequestColumn;
/// assert!(Applicant::new(RequestColumn::Commercial).is_some());
/// assert!(Applicant::new(RequestColumn::Total).is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
pub struct Applicant(RequestColumn);

impl Applicant {
    /// The applicant kind of a column; `None` for `total`.
    pub fn new(column: RequestColumn) -> Option<Applicant> {
        (column != RequestColumn::Total).then_some(Applicant(column))
    }
    /// The table-三 column counted for this applicant.
    ///
    /// ```
    /// use zfxxgk::application::Applicant;
    /// use zfxxgk::report::RequestColumn;
    /// assert_eq!(Applicant::new(RequestColumn::Research).map(Applicant::column), Some(RequestColumn::Research));
    /// ```
    pub fn column(self) -> RequestColumn {
        self.0
    }
}

impl<'de> Deserialize<'de> for Applicant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Applicant, D::Error> {
        let column = RequestColumn::deserialize(d)?;
        Applicant::new(column).ok_or_else(|| de::Error::custom("`total` is not an applicant kind"))
    }
}

/// How an application ended: a table-三 result row, `granted` … `other_misc` (not F2019's
/// folded `other`).
///
/// ```
/// use zfxxgk::application::Outcome;
/// use zfxxgk::report::RequestRow;
/// assert!(Outcome::new(RequestRow::DeniedThirdParty).is_some());
/// assert!(Outcome::new(RequestRow::Other).is_none());
/// assert!(Outcome::new(RequestRow::Received).is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
pub struct Outcome(RequestRow);

impl Outcome {
    /// The outcome of a result row; `None` for other rows.
    pub fn new(row: RequestRow) -> Option<Outcome> {
        (row.is_result() && row != RequestRow::Other).then_some(Outcome(row))
    }
    /// The table-三 row counted for this outcome.
    ///
    /// ```
    /// use zfxxgk::application::Outcome;
    /// use zfxxgk::report::RequestRow;
    /// assert_eq!(Outcome::new(RequestRow::Granted).map(Outcome::row), Some(RequestRow::Granted));
    /// ```
    pub fn row(self) -> RequestRow {
        self.0
    }
}

impl<'de> Deserialize<'de> for Outcome {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Outcome, D::Error> {
        let row = RequestRow::deserialize(d)?;
        Outcome::new(row).ok_or_else(|| {
            de::Error::custom(format_args!(
                "`{}` is not an outcome, expected a result row `granted` … `other_misc`",
                row.key()
            ))
        })
    }
}

/// The kind of an event, its JSON `type`.
///
/// ```
/// use zfxxgk::application::EventType;
/// assert_eq!(EventType::ALL.len(), 14);
/// assert_eq!(serde_json::to_string(&EventType::ConsultationStarted).unwrap(), r#""consultation_started""#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// `received`: [`Event::Received`].
    Received,
    /// `correction_requested`: [`Event::CorrectionRequested`].
    CorrectionRequested,
    /// `corrected`: [`Event::Corrected`].
    Corrected,
    /// `correction_lapsed`: [`Event::CorrectionLapsed`].
    CorrectionLapsed,
    /// `consultation_started`: [`Event::ConsultationStarted`].
    ConsultationStarted,
    /// `consultation_ended`: [`Event::ConsultationEnded`].
    ConsultationEnded,
    /// `extended`: [`Event::Extended`].
    Extended,
    /// `fee_notice`: [`Event::FeeNotice`].
    FeeNotice,
    /// `fee_paid`: [`Event::FeePaid`].
    FeePaid,
    /// `fee_lapsed`: [`Event::FeeLapsed`].
    FeeLapsed,
    /// `reasons_requested`: [`Event::ReasonsRequested`].
    ReasonsRequested,
    /// `reasons_accepted`: [`Event::ReasonsAccepted`].
    ReasonsAccepted,
    /// `replied`: [`Event::Replied`].
    Replied,
    /// `withdrawn`: [`Event::Withdrawn`].
    Withdrawn,
}

impl EventType {
    /// Every type, in the order of the transition table.
    pub const ALL: [EventType; 14] = [
        EventType::Received,
        EventType::CorrectionRequested,
        EventType::Corrected,
        EventType::CorrectionLapsed,
        EventType::ConsultationStarted,
        EventType::ConsultationEnded,
        EventType::Extended,
        EventType::FeeNotice,
        EventType::FeePaid,
        EventType::FeeLapsed,
        EventType::ReasonsRequested,
        EventType::ReasonsAccepted,
        EventType::Replied,
        EventType::Withdrawn,
    ];

    /// The JSON `type`.
    ///
    /// ```
    /// assert_eq!(zfxxgk::application::EventType::FeeNotice.key(), "fee_notice");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            EventType::Received => "received",
            EventType::CorrectionRequested => "correction_requested",
            EventType::Corrected => "corrected",
            EventType::CorrectionLapsed => "correction_lapsed",
            EventType::ConsultationStarted => "consultation_started",
            EventType::ConsultationEnded => "consultation_ended",
            EventType::Extended => "extended",
            EventType::FeeNotice => "fee_notice",
            EventType::FeePaid => "fee_paid",
            EventType::FeeLapsed => "fee_lapsed",
            EventType::ReasonsRequested => "reasons_requested",
            EventType::ReasonsAccepted => "reasons_accepted",
            EventType::Replied => "replied",
            EventType::Withdrawn => "withdrawn",
        }
    }
}

/// One event of an application. Every event has its date `at`.
///
/// ```
/// use zfxxgk::application::{Event, EventType};
/// let e: Event = serde_json::from_str(r#"{"type": "extended", "at": "2025-02-10", "days": 20}"#).unwrap();
/// assert_eq!(e.event_type(), EventType::Extended);
/// assert_eq!(e.at().to_string(), "2025-02-10");
/// // A field of another event type is refused.
/// assert!(serde_json::from_str::<Event>(r#"{"type": "corrected", "at": "2025-02-10", "days": 20}"#).is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// 收到申请 (第三十一条 receipt date). `rules` overrides the rule set chosen by date.
    Received {
        /// The receipt date, fixed by the channel (第三十一条).
        at: Date,
        /// How the application was submitted.
        channel: Channel,
        /// Who applied: the table-三 column it counts in.
        applicant: Applicant,
        /// The rule set, when not the one in force on `at`.
        #[serde(skip_serializing_if = "Option::is_none")]
        rules: Option<Rules>,
    },
    /// 补正告知 (第三十条), with the date the correction is due, if stated.
    CorrectionRequested {
        /// The date of the notice.
        at: Date,
        /// The date the correction is due, if the notice states one.
        #[serde(skip_serializing_if = "Option::is_none")]
        due: Option<Date>,
    },
    /// The corrected application is received: the reply period runs afresh.
    Corrected {
        /// The day the corrected application is received.
        at: Date,
    },
    /// No correction in time: deemed abandoned (other_no_correction).
    CorrectionLapsed {
        /// The day the application is deemed abandoned (视为放弃申请).
        at: Date,
    },
    /// 征求意见 of a third party (第三十二条) or other agencies (第三十四条): the clock stops.
    ConsultationStarted {
        /// The day the consultation begins.
        at: Date,
        /// Who is consulted.
        party: Party,
    },
    /// The consultation ends (reply received or period over): the clock runs again.
    ConsultationEnded {
        /// The day the consultation ends.
        at: Date,
    },
    /// 延长答复期限 by `days` working days (第三十三条).
    Extended {
        /// The day the extension is notified.
        at: Date,
        /// The working days of the extension.
        days: NonZeroU32,
    },
    /// 收费通知 (信息处理费): the fee wait begins.
    FeeNotice {
        /// The date of the fee notice.
        at: Date,
        /// The fee, in whole yuan.
        amount_yuan: u64,
    },
    /// The fee is paid: the fee wait ends.
    FeePaid {
        /// The day the fee is paid.
        at: Date,
    },
    /// The fee was not paid in time (other_fee_unpaid).
    FeeLapsed {
        /// The day the fee is deemed unpaid.
        at: Date,
    },
    /// 第三十五条: the applicant is asked for the reasons of an excessive request.
    ReasonsRequested {
        /// The day the reasons are asked for.
        at: Date,
    },
    /// The reasons are accepted; the agency sets the later deadline `due`.
    ReasonsAccepted {
        /// The day the reasons are accepted.
        at: Date,
        /// The reply deadline the agency sets (第三十五条).
        due: Date,
    },
    /// 答复: the application is closed with `outcome`.
    Replied {
        /// The reply date (for a posted reply, the posting day).
        at: Date,
        /// The table-三 result row of the reply.
        outcome: Outcome,
        /// How the reply was delivered.
        delivery: Delivery,
    },
    /// 撤回申请 (other_misc).
    Withdrawn {
        /// The day the application is withdrawn.
        at: Date,
    },
}

impl Event {
    /// The event's date.
    ///
    /// ```
    /// let e: zfxxgk::application::Event = serde_json::from_str(r#"{"type": "withdrawn", "at": "2025-03-03"}"#).unwrap();
    /// assert_eq!(e.at().to_string(), "2025-03-03");
    /// ```
    pub fn at(&self) -> Date {
        match self {
            Event::Received { at, .. }
            | Event::CorrectionRequested { at, .. }
            | Event::Corrected { at }
            | Event::CorrectionLapsed { at }
            | Event::ConsultationStarted { at, .. }
            | Event::ConsultationEnded { at }
            | Event::Extended { at, .. }
            | Event::FeeNotice { at, .. }
            | Event::FeePaid { at }
            | Event::FeeLapsed { at }
            | Event::ReasonsRequested { at }
            | Event::ReasonsAccepted { at, .. }
            | Event::Replied { at, .. }
            | Event::Withdrawn { at } => *at,
        }
    }

    /// The event's type.
    ///
    /// ```
    /// use zfxxgk::application::{Event, EventType};
    /// let e: Event = serde_json::from_str(r#"{"type": "fee_paid", "at": "2025-03-03"}"#).unwrap();
    /// assert_eq!(e.event_type(), EventType::FeePaid);
    /// ```
    pub fn event_type(&self) -> EventType {
        match self {
            Event::Received { .. } => EventType::Received,
            Event::CorrectionRequested { .. } => EventType::CorrectionRequested,
            Event::Corrected { .. } => EventType::Corrected,
            Event::CorrectionLapsed { .. } => EventType::CorrectionLapsed,
            Event::ConsultationStarted { .. } => EventType::ConsultationStarted,
            Event::ConsultationEnded { .. } => EventType::ConsultationEnded,
            Event::Extended { .. } => EventType::Extended,
            Event::FeeNotice { .. } => EventType::FeeNotice,
            Event::FeePaid { .. } => EventType::FeePaid,
            Event::FeeLapsed { .. } => EventType::FeeLapsed,
            Event::ReasonsRequested { .. } => EventType::ReasonsRequested,
            Event::ReasonsAccepted { .. } => EventType::ReasonsAccepted,
            Event::Replied { .. } => EventType::Replied,
            Event::Withdrawn { .. } => EventType::Withdrawn,
        }
    }
}

/// Every field any event may have. Decoding goes through this flat struct rather than serde's
/// internally tagged enums, which buffer each object before decoding it again; then the fields
/// are checked against the type.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    #[serde(rename = "type")]
    kind: EventType,
    at: Date,
    channel: Option<Channel>,
    applicant: Option<Applicant>,
    rules: Option<Rules>,
    due: Option<Date>,
    party: Option<Party>,
    days: Option<NonZeroU32>,
    amount_yuan: Option<u64>,
    outcome: Option<Outcome>,
    delivery: Option<Delivery>,
}

impl RawEvent {
    fn into_event<E: de::Error>(mut self) -> Result<Event, E> {
        let at = self.at;
        let kind = self.kind;
        // `take` each field the type uses; whatever is left over belongs to another type.
        fn need<T, E: de::Error>(v: Option<T>, field: &'static str) -> Result<T, E> {
            v.ok_or_else(|| E::custom(format_args!("missing field `{field}`")))
        }
        let event = match kind {
            EventType::Received => Event::Received {
                at,
                channel: need(self.channel.take(), "channel")?,
                applicant: need(self.applicant.take(), "applicant")?,
                rules: self.rules.take(),
            },
            EventType::CorrectionRequested => Event::CorrectionRequested { at, due: self.due.take() },
            EventType::Corrected => Event::Corrected { at },
            EventType::CorrectionLapsed => Event::CorrectionLapsed { at },
            EventType::ConsultationStarted => {
                Event::ConsultationStarted { at, party: need(self.party.take(), "party")? }
            }
            EventType::ConsultationEnded => Event::ConsultationEnded { at },
            EventType::Extended => Event::Extended { at, days: need(self.days.take(), "days")? },
            EventType::FeeNotice => Event::FeeNotice { at, amount_yuan: need(self.amount_yuan.take(), "amount_yuan")? },
            EventType::FeePaid => Event::FeePaid { at },
            EventType::FeeLapsed => Event::FeeLapsed { at },
            EventType::ReasonsRequested => Event::ReasonsRequested { at },
            EventType::ReasonsAccepted => Event::ReasonsAccepted { at, due: need(self.due.take(), "due")? },
            EventType::Replied => Event::Replied {
                at,
                outcome: need(self.outcome.take(), "outcome")?,
                delivery: need(self.delivery.take(), "delivery")?,
            },
            EventType::Withdrawn => Event::Withdrawn { at },
        };
        let leftover = [
            ("channel", self.channel.is_some()),
            ("applicant", self.applicant.is_some()),
            ("rules", self.rules.is_some()),
            ("due", self.due.is_some()),
            ("party", self.party.is_some()),
            ("days", self.days.is_some()),
            ("amount_yuan", self.amount_yuan.is_some()),
            ("outcome", self.outcome.is_some()),
            ("delivery", self.delivery.is_some()),
        ];
        match leftover.iter().find(|(_, present)| *present) {
            Some((field, _)) => Err(E::custom(format_args!("unknown field `{field}` for event type `{}`", kind.key()))),
            None => Ok(event),
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Event, D::Error> {
        RawEvent::deserialize(d)?.into_event()
    }
}

/// One 依申请公开 application: its id and its events in order. A line of a JSON Lines file.
///
/// ```
/// let app = zfxxgk::application::Application::from_json(r#"{"id": "A-1", "events": [
///     {"type": "received", "at": "2025-01-20", "channel": "online", "applicant": "natural_person"}]}"#)?;
/// assert_eq!(app.events.len(), 1);
/// let e = zfxxgk::application::Application::from_json(r#"{"id": "A-1", "events": [{"type": "sent", "at": "2025-01-20"}]}"#)
///     .unwrap_err();
/// assert_eq!(e.code(), "json.invalid_value");
/// # Ok::<(), zfxxgk::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// The application's identifier (e.g. the agency's register number), free text.
    pub id: String,
    /// Its events in date order; the first is `received`.
    pub events: Vec<Event>,
}

impl Application {
    /// Reads an application from its JSON; errors name the JSON path (e.g. `events[2]`).
    ///
    /// ```
    /// let e = zfxxgk::application::Application::from_json(r#"{"id": "1", "events": [
    ///     {"type": "received", "at": "2025-01-20", "channel": "post"}]}"#).unwrap_err();
    /// assert_eq!(e.code(), "json.missing_key");
    /// assert!(e.to_string().contains("events[0]"));
    /// ```
    pub fn from_json(text: &str) -> Result<Application, crate::Error> {
        crate::json::from_json_str(text)
    }
}
