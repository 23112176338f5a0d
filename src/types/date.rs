//! Calendar arithmetic on the registry's dates.

use jiff::civil::Date;

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to)
        .map(|span| i64::from(span.get_days()))
        .expect("civil dates are always within range of each other")
}

/// "1 day", "3 days".
pub fn days(count: i64) -> String {
    if count.abs() == 1 {
        format!("{count} day")
    } else {
        format!("{count} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_between_counts_calendar_days() {
        let a = Date::new(2026, 11, 25).unwrap();
        let b = Date::new(2027, 1, 1).unwrap();
        assert_eq!(days_between(a, b), 37);
        assert_eq!(days_between(b, a), -37);
        assert_eq!(days(1), "1 day");
        assert_eq!(days(-2), "-2 days");
    }
}
