/** A row id as PostgreSQL's gen_random_uuid() writes it; anything else never reaches SQL as an id. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
