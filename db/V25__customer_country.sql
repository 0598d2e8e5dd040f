-- The customer's country (ISO 3166-1 alpha-2), when the page, the site or the browser says it: the
-- regulated-data rule then recognises that country's national IDs by generic labels ("ID number") too.
alter table conversation add column country varchar(2)
    check (country is null or country ~ '^[A-Z]{2}$');
