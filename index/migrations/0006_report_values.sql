-- the annual report's items typed in by the office (sections 二, 四, 五, 六).
CREATE TABLE report_values (
	year INTEGER NOT NULL,
	item TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (year, item)
);
