import { DemoAuthor } from './demo-types';

/*
 * The Harbour Gazette: a fictional news blog for the fictional harbour city of
 * Wrenport, its river (the Tarran) and the ferry-served Holm Island.
 *
 * Desks and their shared tags:
 *   news (tomas):       council, transport, ferries, housing
 *   features (priya):   arts, music, food, community
 *   sport/weather (owen): sport, rowing, weather, environment
 *   science/tech (aiko): science, tech, environment, schools
 *   business (ruth):    business, housing, council, food
 *   publisher (admin):  community
 *   across desks:       harbour (six live stories), breaking (Storm Delyth): the README's examples
 *                       and client guide filter on them, so a newcomer's first query finds posts
 */
export const DEMO_AUTHORS: DemoAuthor[] = [
  {
    key: 'admin',
    name: 'Helena Marsh',
    email: 'admin@example.com',
    role: 'ADMIN',
    bio: 'Founded The Harbour Gazette in a spare room above a chandlery on Quay Street. These days she mostly keeps the website running and writes the occasional letter to readers.',
    avatarUrl: 'https://example.com/avatars/helena-marsh.jpg',
  },
  {
    key: 'tomas',
    name: 'Tomás Ferreira',
    email: 'tomas.ferreira@example.com',
    role: 'EDITOR',
    bio: 'News editor. Covers the council chamber, the buses and everything that floats, and still reads every timetable twice.',
    avatarUrl: 'https://example.com/avatars/tomas-ferreira.jpg',
  },
  {
    key: 'priya',
    name: 'Priya Nandakumar',
    email: 'priya.nandakumar@example.com',
    role: 'EDITOR',
    bio: 'Features and arts editor. Runs the weekend listings and will happily review any gig that starts before ten.',
  },
  {
    key: 'owen',
    name: 'Owen Gallagher',
    email: 'owen.gallagher@example.com',
    role: 'AUTHOR',
    bio: "Writes about sport and weather, which in Wrenport are often the same story. Rows, without distinction, in the rowing club's veterans' eight.",
    avatarUrl: 'https://example.com/avatars/owen-gallagher.jpg',
  },
  {
    key: 'aiko',
    name: 'Aiko Brennan',
    email: 'aiko.brennan@example.com',
    role: 'AUTHOR',
    bio: 'Science and technology reporter. Trained as a marine biologist before swapping the wetsuit for a notebook.',
  },
  {
    key: 'ruth',
    name: 'Ruth Okonkwo',
    email: 'ruth.okonkwo@example.com',
    role: 'AUTHOR',
    bio: 'Reports on business, housing and the money side of city hall. Reads planning applications so you do not have to.',
    avatarUrl: 'https://example.com/avatars/ruth-okonkwo.jpg',
  },
];
