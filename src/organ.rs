//! The organs of the United Nations that issue letters as documents: their names as mastheads
//! print them, the series of their symbols, and the codes Akoma Ntoso uses for them. The one
//! table of organs and actors, read by symbols, the AKN and HTML writers and the level-2 rules.

/// An organ whose documents letters are issued as: its name as a masthead prints it, the series
/// of its symbols, and the codes Akoma Ntoso uses for it. The one table of organs and actors: the
/// AKN writer, the HTML writer and the level-2 rules all read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Organ {
    /// The name as printed (`Security Council`).
    pub name: &'static str,
    /// The series prefix of its documents (`S/`), when it has one of its own.
    pub series: Option<&'static str>,
    /// DGACM's FRBR actor code (`unsc`), used in Work IRIs.
    pub actor: &'static str,
    /// The TLC eId of the organization in `<references>` (`sc`).
    pub eid: &'static str,
}

/// The organs, the more specific series first (`A/HRC/` before `A/`).
pub const ORGANS: [Organ; 5] = [
    Organ {
        name: "Human Rights Council",
        series: Some("A/HRC/"),
        actor: "unga-hrc",
        eid: "hrc",
    },
    Organ {
        name: "General Assembly",
        series: Some("A/"),
        actor: "unga",
        eid: "ga",
    },
    Organ {
        name: "Security Council",
        series: Some("S/"),
        actor: "unsc",
        eid: "sc",
    },
    Organ {
        name: "Economic and Social Council",
        series: Some("E/"),
        actor: "unecosoc",
        eid: "ecosoc",
    },
    Organ {
        name: "Trusteeship Council",
        series: None,
        actor: "un",
        eid: "tc",
    },
];

/// The organ a masthead names, by its printed name.
pub fn organ_named(name: &str) -> Option<&'static Organ> {
    ORGANS.iter().find(|o| o.name == name)
}
