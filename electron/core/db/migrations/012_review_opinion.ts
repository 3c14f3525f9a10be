// Shipped migrations are never edited: add a new numbered file instead.
export const name = 'review_opinion'
// 审核意见: the office may approve with a few words for the unit. Kept on the report (what the unit sees
// now) and on the submitted version it judged (the record of every decision).
export const sql = `
    ALTER TABLE reports ADD COLUMN review_opinion TEXT;
    ALTER TABLE report_versions ADD COLUMN review_opinion TEXT;
`
export const postgres = `
    ALTER TABLE reports ADD COLUMN review_opinion TEXT;
    ALTER TABLE report_versions ADD COLUMN review_opinion TEXT;
`
