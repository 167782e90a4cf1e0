// Replaced by the database snapshot setup once the db layer lands.
export default async function setup(): Promise<void> {}
