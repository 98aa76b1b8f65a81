-- When each vehicle's token was last rotated, by the database's clock: every instance asks for the
-- rotations of the last minute, once a second, and forgets the tokens it cached for those vehicles.
-- A table of its own rather than a column of vehicles, whose rows every crediting transaction
-- updates: an index there would be written on each of those updates.
create table token_rotations (
    vin         varchar(17)  primary key references vehicles (vin),
    rotated_at  timestamptz  not null
);
create index token_rotations_rotated_at on token_rotations (rotated_at);
