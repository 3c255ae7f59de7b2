-- Statistics: decisions of imported historical cases. A registered case's
-- decisions are rows of `decision` (with legal basis, maker and time); an
-- imported case brings only how many decisions of each type it had.

create table imported_decision (
  case_id uuid not null references jour_case(id),
  organisation_id uuid not null,
  type_code text not null,
  count integer not null check (count > 0),
  primary key (case_id, type_code),
  foreign key (organisation_id, type_code) references decision_type(organisation_id, code)
);
create index imported_decision_type on imported_decision (organisation_id, type_code);
