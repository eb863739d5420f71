//! Which rules a check runs: every rule (the default), or a selection by family (`table3`) or by
//! code (`table3.balance`). An analyst studying the 勾稽 arithmetic of a thousand reports asks for
//! the table rules alone; the families not selected do not run at all, and a binding need not read
//! what only they look at (the section texts).

use super::Code;
use crate::error::Error;

/// The families of the report checks, by the prefix of their codes (DOMAIN.md §2), in the order
/// their findings are listed. `parse` findings come from reading a published text.
pub const FAMILIES: &[&str] = &["parse", "doc", "meta", "table2", "table3", "table4", "narrative", "cross_year"];

/// The families that read section texts or headings (the others read metadata and tables).
const TEXT_FAMILIES: &[&str] = &["doc", "narrative", "cross_year"];

/// A selection of the report checks' rules.
///
/// ```
/// use zfxxgk::check::Rules;
/// let rules = Rules::only(["table3", "table4.group_total"])?;
/// assert!(rules.runs("table3") && rules.runs("table4") && !rules.runs("narrative"));
/// assert!(rules.keeps(zfxxgk::Code::Table3Balance));
/// assert!(!rules.keeps(zfxxgk::Code::Table4BlankCell));
/// assert!(!rules.reads_texts());
/// assert_eq!(Rules::only(["table5"]).unwrap_err().code(), "input.unknown_rule");
/// # Ok::<(), zfxxgk::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// `None`: every rule. Else the families selected whole and the codes selected one by one.
    only: Option<Selection>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Selection {
    families: Vec<&'static str>,
    codes: Vec<Code>,
}

impl Rules {
    /// Every rule.
    pub fn all() -> Rules {
        Rules { only: None }
    }

    /// The rules named: each a family of [`FAMILIES`] or a code of one (an `app.*` or `rollup.*`
    /// code is not a report check). An empty list selects no rule.
    pub fn only<I, S>(names: I) -> Result<Rules, Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut selection = Selection { families: Vec::new(), codes: Vec::new() };
        for name in names {
            let name = name.as_ref().trim();
            if let Some(family) = FAMILIES.iter().find(|f| **f == name) {
                selection.families.push(family);
            } else if let Some(code) = Code::from_code(name).filter(|c| FAMILIES.contains(&family_of(*c))) {
                selection.codes.push(code);
            } else {
                return Err(Error::UnknownRule { given: name.chars().take(40).collect() });
            }
        }
        Ok(Rules { only: Some(selection) })
    }

    /// Whether every rule runs.
    pub fn is_all(&self) -> bool {
        self.only.is_none()
    }

    /// Whether any rule of `family` runs.
    pub fn runs(&self, family: &str) -> bool {
        match &self.only {
            None => true,
            Some(s) => s.families.contains(&family) || s.codes.iter().any(|c| family_of(*c) == family),
        }
    }

    /// Whether findings of `code` are kept.
    pub fn keeps(&self, code: Code) -> bool {
        match &self.only {
            None => true,
            Some(s) => s.codes.contains(&code) || s.families.contains(&family_of(code)),
        }
    }

    /// Whether a selected rule reads section texts or headings.
    pub fn reads_texts(&self) -> bool {
        TEXT_FAMILIES.iter().any(|f| self.runs(f))
    }
}

/// The family of a code: its prefix (`table3` of `table3.balance`).
fn family_of(code: Code) -> &'static str {
    let s = code.as_str();
    s.split('.').next().unwrap_or(s)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_report_check_code_is_in_a_family() {
        for code in Code::ALL {
            let family = family_of(*code);
            assert!(FAMILIES.contains(&family) || family == "app" || family == "rollup", "{code}");
        }
    }

    #[test]
    fn a_selection_is_families_and_codes() {
        let r = Rules::only(["narrative", " table3.balance "]).unwrap();
        assert!(r.keeps(Code::Table3Balance) && !r.keeps(Code::Table3RowTotal));
        assert!(r.runs("table3") && r.runs("narrative") && !r.runs("meta"));
        assert!(r.reads_texts());
        assert!(Rules::only(["doc"]).unwrap().reads_texts());
        assert!(Rules::all().reads_texts() && Rules::all().is_all());
        let none = Rules::only(Vec::<String>::new()).unwrap();
        assert!(!none.runs("table3") && !none.keeps(Code::Table3Balance) && !none.is_all());
        for bad in ["app.reply_overdue", "rollup.sum_mismatch", "table", "", "TABLE3"] {
            assert_eq!(Rules::only([bad]).unwrap_err().code(), "input.unknown_rule", "{bad}");
        }
    }
}
