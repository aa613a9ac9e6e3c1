/** Demo content for `npm run seed` and the embedded database's first start. Written for Broadsheet; fictional. */
type DemoRole = 'ADMIN' | 'EDITOR' | 'AUTHOR';
type DemoStatus = 'DRAFT' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';
type DemoCommentStatus = 'PENDING' | 'APPROVED' | 'SPAM' | 'REJECTED';

export interface DemoAuthor {
  /** Short key other records use to refer to this author. */
  key: string;
  name: string;
  email: string; // use @example.com addresses
  role: DemoRole;
  bio: string;
  avatarUrl?: string; // https URLs on example.com if any
}

export interface DemoComment {
  authorName: string;
  body: string; // plain text, 1..5000 chars, no HTML
  status: DemoCommentStatus;
  /** Hours after the post's publication. */
  hoursAfter: number;
  /** Replies; only put replies under APPROVED comments. */
  replies?: DemoComment[];
}

interface DemoRelatedLink {
  /** Key of another demo post, or omit and give url+title for an external link. */
  targetKey?: string;
  url?: string;
  title?: string;
}

export interface DemoPost {
  /** Short unique key, e.g. 'ferry-timetable'. */
  key: string;
  authorKey: string;
  title: string; // 1..300 chars; include a few titles with apostrophes and accented letters (e.g. "Café", "It's") to exercise slug rules
  /** HTML: <p>, <h2>, <blockquote>, <ul><li>, <a href="https://...">, <strong>, <em>. 150-450 words. */
  body: string;
  /** Optional hand-written excerpt; leave it out on about half the posts. */
  excerpt?: string;
  /** Credit line for syndicated stories, e.g. 'Coastal Wire Service'; on about a third of posts. */
  source?: string;
  coverImageUrl?: string; // https://images.example.com/... on about half
  tags: string[]; // 1-5 lower-case tags from a shared vocabulary of ~15 tags, so posts overlap on tags
  status: DemoStatus;
  /** For PUBLISHED/ARCHIVED: days before seeding it went out (0.5 .. 60). For SCHEDULED: negative, days in the future (e.g. -2). Omit for DRAFT. */
  publishedDaysAgo?: number;
  featured?: boolean;
  comments?: DemoComment[];
  relatedLinks?: DemoRelatedLink[];
}

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

export const DEMO_POSTS: DemoPost[] = [
  // ---------------------------------------------------------------- news desk
  {
    key: 'ferry-timetable',
    authorKey: 'tomas',
    title: 'Holm Island Ferry Timetable Changes: What You Need to Know',
    excerpt:
      'Fewer crossings, a later first boat and compulsory car bookings: the winter timetable starts on Monday, and island commuters are not happy.',
    coverImageUrl: 'https://images.example.com/gazette/ferry-timetable.jpg',
    tags: ['transport', 'ferries', 'council'],
    status: 'PUBLISHED',
    publishedDaysAgo: 2,
    featured: true,
    body: `<p>The Holm Island Ferry Company will move to its winter timetable from Monday, cutting the number of daily crossings from fourteen to ten and moving the first sailing from Wrenport half an hour later, to 7.15am.</p>
<p>The company says the change reflects lower passenger numbers after the October half-term and the need to take the <em>MV Corrie Lass</em> out of service for her annual inspection. The smaller relief vessel, the <em>Puffin</em>, will cover the route for about three weeks and carries fewer cars.</p>
<h2>What changes</h2>
<ul>
<li>First departure from Wrenport: 7.15am (was 6.45am).</li>
<li>Last departure from Holm Island: 8.30pm (was 9.45pm).</li>
<li>No midday sailings on Tuesdays and Wednesdays while the <em>Puffin</em> is running.</li>
<li>Vehicle bookings are now required for all crossings, not just at weekends.</li>
</ul>
<p>Commuters on the island are unhappy. "Half the island works in town, and the new first boat gets us in after eight," said Moira Quill, who chairs the Holm Island Residents' Association. "For nurses at the Royal Infirmary that simply doesn't work."</p>
<p>Councillor Declan Hurst, who chairs the council's transport committee, said he had asked the company to restore at least one early crossing for shift workers and expected an answer before the end of the month.</p>
<blockquote>We know the early boat matters to people. We are looking at whether the Puffin can run a 6.45am crossing on weekdays only. <strong>Holm Island Ferry Company statement</strong></blockquote>
<p>The full timetable is on the <a href="https://ferries.example.org/holm-island/timetable">operator's website</a>. We will update this story when the company responds.</p>`,
    comments: [
      {
        authorName: "Gráinne O'Sullivan",
        body: 'As an early-shift nurse at the Infirmary this is a disaster. The 6.45 was the only boat that got me in for a 7.30 handover. Please keep pushing the company on this.',
        status: 'APPROVED',
        hoursAfter: 6,
        replies: [
          {
            authorName: 'Tomás Ferreira',
            body: "Thanks Gráinne. We've put exactly that question to the company and will update the story as soon as they reply.",
            status: 'APPROVED',
            hoursAfter: 8,
          },
        ],
      },
      {
        authorName: 'Hamish Reid',
        body: 'Worth saying the Puffin is a lovely wee boat, but she rolls like a barrel in any kind of swell. Bring a bag.',
        status: 'APPROVED',
        hoursAfter: 20,
      },
      {
        authorName: 'anon islander',
        body: 'Why does the council keep paying a subsidy if the company can cut services whenever it likes? Who signed that contract?',
        status: 'PENDING',
        hoursAfter: 30,
      },
      {
        authorName: 'BestDealsOnline',
        body: 'GREAT article!!! Earn $5000 a week from home, click here NOW *** http://quick-cash-now.example.net/offer?ref=gazette *** limited places, act fast!!!',
        status: 'SPAM',
        hoursAfter: 36,
      },
    ],
    relatedLinks: [
      { targetKey: 'ferry-fares-draft' },
      { targetKey: 'shipyard-jobs' },
      {
        url: 'https://ferries.example.org/holm-island/timetable',
        title: 'Holm Island Ferry Company: winter timetable',
      },
    ],
  },
  {
    key: 'harbour-bridge-closure',
    authorKey: 'tomas',
    title: 'Swing Bridge to Close for Three Weekends of Repairs',
    source: 'Coastal Wire Service',
    coverImageUrl: 'https://images.example.com/gazette/swing-bridge.jpg',
    tags: ['transport', 'council'],
    status: 'PUBLISHED',
    publishedDaysAgo: 9,
    body: `<p>The Tarran Swing Bridge, the only road crossing between the Old Town and Quayside, will close to traffic for three weekends in a row from the 8th, while engineers replace worn bearings in its turning mechanism.</p>
<p>The 1890s bridge still swings open a few times a week to let tall-masted boats into the inner basin. Inspectors found last spring that two of its eight bearings had worn beyond tolerance, and the council has since limited openings to high tide only.</p>
<h2>Diversions</h2>
<p>Drivers will be sent upriver to the Millbrook crossing, adding roughly fifteen minutes to the journey. Pedestrians and cyclists will be able to use a temporary walkway on the north side of the bridge, except during lifting operations, which are expected on the Saturday mornings.</p>
<ul>
<li>Bus routes 3 and 7 will divert via Millbrook Road.</li>
<li>The Quayside park-and-ride will run every ten minutes instead of every twenty.</li>
<li>Emergency vehicles will have access at all times.</li>
</ul>
<p>"It is old engineering and it has to be done carefully," said the council's bridges engineer, Farah Mistry. "We chose weekends in the quiet season so that the fewest people are affected."</p>
<p>Traders on Quay Street are less relaxed about it. Baker Sam Trelawney said the last closure, in 2016, cost him a third of his weekend takings. The council says it will put up signs on the approach roads making clear that Quayside businesses are open as usual.</p>`,
  },
  {
    key: 'council-budget-vote',
    authorKey: 'tomas',
    title: 'Council Passes Budget After Late-Night Session',
    excerpt:
      'Council tax rises 3.9 per cent; libraries and crossing patrols are saved, but the Fennick Point toilets will close in winter.',
    tags: ['council', 'housing', 'schools'],
    status: 'PUBLISHED',
    publishedDaysAgo: 14,
    body: `<p>Wrenport City Council approved its budget for the coming year shortly after midnight on Thursday, following a seven-hour meeting that featured two adjournments, a dozen amendments and one fire alarm.</p>
<p>The final plan raises council tax by 3.9 per cent, just under the cap that would trigger a local referendum. It protects the library service and school crossing patrols, both of which had been in line for cuts in the draft, but reduces grass-cutting in parks and closes the public toilets at Fennick Point between November and March.</p>
<h2>Where the money goes</h2>
<ul>
<li><strong>£4.2m</strong> for repairs to council housing, including new windows on the Ashgrove estate.</li>
<li><strong>£1.1m</strong> towards a new classroom block at Northfield Primary.</li>
<li><strong>£650,000</strong> for pothole repairs, up from £400,000.</li>
</ul>
<p>Mayor Constance Adeyemi called it "a budget that keeps the lights on and the doors open in hard times". The opposition finance spokesperson, Councillor Beatrice Lowe, said the administration had "balanced the books on the backs of people who use parks and public loos", and that her group's amendment to fund the toilets from car-parking income had been voted down by just two votes.</p>
<blockquote>Nobody came into politics to close toilets. But nobody came into politics to bankrupt the council either. <strong>Mayor Constance Adeyemi</strong></blockquote>
<p>The budget takes effect in April. The full papers are published on the <a href="https://council.example.org/wrenport/budget">council's website</a>.</p>`,
    comments: [
      {
        authorName: 'Derek Fairbairn',
        body: "Closing the Fennick Point toilets in winter, when that's exactly when the dog walkers and sea swimmers are up there. Brilliant.",
        status: 'APPROVED',
        hoursAfter: 3,
        replies: [
          {
            authorName: 'Lucy Tan',
            body: 'To be fair, the kiosk up there lets people use theirs if you buy something. Not ideal though.',
            status: 'APPROVED',
            hoursAfter: 5,
          },
        ],
      },
      {
        authorName: 'Anita Kapoor',
        body: 'Glad the school crossing patrols were saved. The one on Northfield Road is the only thing between three hundred kids and the bypass traffic.',
        status: 'APPROVED',
        hoursAfter: 9,
      },
      {
        authorName: 'ratepayer1962',
        body: "Every single councillor should be sacked, they're all useless, and so is whoever wrote this drivel.",
        status: 'REJECTED',
        hoursAfter: 14,
      },
    ],
  },
  {
    key: 'cycle-lane-consultation',
    authorKey: 'tomas',
    title: 'Saltmarsh Road Cycle Lane: Consultation Opens',
    coverImageUrl: 'https://images.example.com/gazette/saltmarsh-road.jpg',
    tags: ['transport', 'council', 'environment'],
    status: 'PUBLISHED',
    publishedDaysAgo: 27,
    body: `<p>Residents have six weeks to have their say on plans for a protected cycle lane along Saltmarsh Road, the busy route between the railway station and the university campus.</p>
<p>The proposal would remove 64 on-street parking spaces and replace them with a two-way lane separated from traffic by low kerbs and planters. Bus stops would be rebuilt as "floating" islands, with the cycle lane passing behind them.</p>
<p>Council officers say around 1,900 cyclists use the road on a typical weekday, and that it has seen 23 collisions involving bikes in the past five years. "It's our most-used cycle route and our least safe one," said transport planner Imogen Hale.</p>
<h2>Concerns over parking</h2>
<p>Not everyone is convinced. The Saltmarsh Road Traders' Group says the loss of parking could hurt the row of shops near the Crescent, several of which rely on passing trade. Pharmacist Gerald Amis said older customers "are not going to cycle here to pick up their prescriptions".</p>
<p>The council says it has identified 40 replacement spaces on side streets and will add a loading bay outside the pharmacy.</p>
<ul>
<li>Drop-in sessions: Saltmarsh Community Centre, Tuesdays 4–7pm.</li>
<li>Online survey: open until the end of next month.</li>
<li>Printed copies: available at the Central Library.</li>
</ul>
<p>A decision is expected at the transport committee in the spring.</p>`,
    comments: [
      {
        authorName: 'Priyanka Shah',
        body: "I cycle this road every day to the university and I've been knocked off once already. Anything is better than what we have now.",
        status: 'APPROVED',
        hoursAfter: 8,
        replies: [
          {
            authorName: 'Gerald Amis',
            body: "I understand, and I'm not against cyclists. I just want my customers to be able to stop outside the shop.",
            status: 'APPROVED',
            hoursAfter: 14,
          },
        ],
      },
      {
        authorName: 'Joe Whitlock',
        body: 'Floating bus stops worry me as a wheelchair user. Will there be a proper level crossing over the cycle lane to reach the island?',
        status: 'APPROVED',
        hoursAfter: 30,
      },
    ],
  },
  {
    key: 'ferry-fares-draft',
    authorKey: 'tomas',
    title: 'Ferry Fares Could Rise by 8% Next Spring',
    tags: ['transport', 'ferries', 'council'],
    status: 'DRAFT',
    body: `<p><em>Draft: figures still to be confirmed with the operator.</em></p>
<p>Passenger fares on the Holm Island ferry could rise by around 8 per cent next spring, according to papers due to go before the council's transport committee next month.</p>
<p>The Holm Island Ferry Company, which receives an annual subsidy from the council to run the route, has asked for the increase to cover higher fuel and crew costs. An adult return would go from £6.20 to about £6.70, and a car with driver from £38 to £41.</p>
<p>Islanders' season tickets would be frozen under the proposal, a concession the residents' association has campaigned for since last year. Students and pensioners would keep their existing discounts.</p>
<h2>Still to check</h2>
<ul>
<li>Confirm the figures with the company's finance director.</li>
<li>Ask Councillor Hurst whether the subsidy is also rising, and by how much.</li>
<li>Get a response from Moira Quill at the residents' association.</li>
<li>Find out whether the increase applies to the relief vessel's reduced service.</li>
</ul>
<p>The committee meets on the 14th. Any change would also need approval by the full council before it could take effect.</p>`,
  },
  {
    key: 'night-buses',
    authorKey: 'tomas',
    title: "It's Official: Night Buses Return on Fridays",
    excerpt:
      'Two night routes will run hourly from midnight to 4am on Fridays and Saturdays, three years after the last service was withdrawn.',
    source: 'Coastal Wire Service',
    tags: ['transport', 'council'],
    status: 'SCHEDULED',
    publishedDaysAgo: -2,
    body: `<p>Late-night buses will return to Wrenport on Friday and Saturday nights from the start of next month, three years after the previous service was withdrawn.</p>
<p>Harbourline Buses will run the N1 from the Quayside stands to Northfield and the N2 out along Saltmarsh Road to the university, hourly between midnight and 4am. Fares will match daytime prices, and contactless payment will be accepted.</p>
<p>The service is being paid for by a two-year grant from the regional transport fund, topped up by the council and by the Wrenport Night-Time Economy Partnership, a group of bars, restaurants and venues.</p>
<blockquote>Staff who finish a shift at one in the morning have been paying for taxis or walking home in the dark. This puts that right. <strong>Councillor Declan Hurst</strong></blockquote>
<h2>Will it last?</h2>
<p>The original night service was cut when passenger numbers fell to about eight per journey. Harbourline says it needs an average of fifteen to break even without subsidy. The partnership plans to promote the buses through its member venues, including printing the times on receipts.</p>
<ul>
<li>N1: Quayside, Chapel Row, Northfield.</li>
<li>N2: Quayside, Saltmarsh Road, University.</li>
</ul>
<p>Both routes will be reviewed after twelve months.</p>`,
  },

  // ------------------------------------------------------------ features desk
  {
    key: 'cafe-lumiere-opens',
    authorKey: 'priya',
    title: 'Café Lumière Brings Crêpes to the Old Customs House',
    excerpt:
      'After a decade behind a To Let sign, the Old Customs House on Quay Street is serving galettes, crêpes and very good coffee.',
    coverImageUrl: 'https://images.example.com/gazette/cafe-lumiere.jpg',
    tags: ['food', 'business'],
    status: 'PUBLISHED',
    publishedDaysAgo: 6,
    body: `<p>The Old Customs House on Quay Street has had many lives: tax office, sail loft, nightclub and, for most of the past decade, an empty shell with a "To Let" sign in the window. Since Saturday it has been Café Lumière, and on opening morning the queue reached the corner.</p>
<p>Owners Élodie Marchetti and Kwame Boateng met working in a hotel kitchen in Lyon and moved to Wrenport, where Kwame grew up, two years ago. They spent eighteen months restoring the ground floor, keeping the original flagstones and the iron scales once used to weigh cargo.</p>
<h2>On the menu</h2>
<ul>
<li>Buckwheat galettes with local smoked haddock and leeks.</li>
<li>Sweet crêpes with salted caramel made from Holm Island sea salt.</li>
<li>A short coffee list roasted by Driftwood Roasters on Anchor Street.</li>
</ul>
<p>"We wanted something that felt French but tasted of here," Élodie said, sliding a galette across the counter. "The fish is from the market across the road. The butter is from a farm twenty minutes away."</p>
<p>Prices are modest, with most galettes under £10, and there is a children's menu. The café is open Tuesday to Sunday from 8am until 4pm, with evening crêpe nights planned for Fridays from the spring.</p>
<p>The building's landlord, the Harbour Trust, said it was delighted to see the building back in use and hoped the café would draw more visitors to the western end of the quay.</p>`,
    comments: [
      {
        authorName: 'Ana Lucía Torres',
        body: 'Had the haddock galette on Sunday. Worth the queue. The salted caramel crêpe too, obviously.',
        status: 'APPROVED',
        hoursAfter: 30,
      },
      {
        authorName: 'Graham Pike',
        body: 'Lovely to see the Customs House with the lights on again. Is there step-free access?',
        status: 'APPROVED',
        hoursAfter: 50,
        replies: [
          {
            authorName: 'Café Lumière',
            body: "Hi Graham, yes: there's a ramp at the side door on Dock Lane and an accessible toilet. See you soon!",
            status: 'APPROVED',
            hoursAfter: 53,
          },
        ],
      },
    ],
  },
  {
    key: 'lantern-festival',
    authorKey: 'priya',
    title: 'Lantern Festival Draws Record Crowds to Quayside',
    excerpt:
      'Eighteen thousand people, nine hundred lanterns and one six-metre paper herring: the biggest Lantern Festival yet.',
    coverImageUrl: 'https://images.example.com/gazette/lantern-festival.jpg',
    tags: ['arts', 'community', 'music'],
    status: 'PUBLISHED',
    publishedDaysAgo: 12,
    featured: true,
    body: `<p>An estimated 18,000 people lined the harbour on Saturday night for the twelfth Wrenport Lantern Festival, the biggest crowd in the event's history.</p>
<p>The procession set off from the Market Hall at dusk, led by a six-metre paper herring made by pupils from four primary schools. Behind it came more than 900 handmade lanterns, a samba band, the Dockworkers' Choir and, new this year, a flotilla of lit rowing boats from the rowing club drifting alongside the quay.</p>
<blockquote>I've lived here forty years and I've never seen the harbour that full. You couldn't see the water for the lights. <strong>Bernadette Cole, spectator</strong></blockquote>
<h2>Behind the scenes</h2>
<p>The festival is run almost entirely by volunteers. Organiser Jonah Pryce said around 150 people had spent six weeks of evenings in the old net loft building frames from willow and tissue paper. Workshops were free, funded by a grant from the Harbour Trust and a bucket collection on the night.</p>
<p>Crowd management was tighter than in previous years after complaints about crushing near the Swing Bridge two years ago. Stewards closed the bridge to pedestrians for the hour of the procession, and a second viewing area was opened on the Fennick Point breakwater.</p>
<ul>
<li>Lost property can be collected from the Market Hall office until Friday.</li>
<li>Organisers are looking for volunteers for next year; workshops start in September.</li>
</ul>
<p>Photographs from the night are being collected for a community exhibition at the Fennick Gallery in the new year.</p>`,
    comments: [
      {
        authorName: 'Bernadette Cole',
        body: "That's me quoted! It really was the most beautiful night. The herring was magnificent.",
        status: 'APPROVED',
        hoursAfter: 4,
        replies: [
          {
            authorName: 'Jonah Pryce',
            body: 'Thank you Bernadette! The herring is currently hanging in the net loft if anyone wants to visit him. He still needs a name.',
            status: 'APPROVED',
            hoursAfter: 7,
          },
          {
            authorName: 'Sol Mirza',
            body: "Hector. The herring's name is obviously Hector.",
            status: 'APPROVED',
            hoursAfter: 9,
          },
        ],
      },
      {
        authorName: 'Mark T',
        body: 'Any chance of a quieter viewing area next year for people with sensory issues? My son loved the lanterns but the drums were too much for him.',
        status: 'PENDING',
        hoursAfter: 26,
      },
      {
        authorName: 'Zoë Hartmann',
        body: 'The lit rowing boats were the best new thing this year. Please keep them!',
        status: 'APPROVED',
        hoursAfter: 40,
      },
    ],
    relatedLinks: [{ targetKey: 'jazz-on-the-pier' }, { targetKey: 'gallery-reopening' }],
  },
  {
    key: 'gallery-reopening',
    authorKey: 'priya',
    title: "Fennick Gallery Reopens with Fishermen's Portraits",
    coverImageUrl: 'https://images.example.com/gazette/fennick-gallery.jpg',
    tags: ['arts', 'community'],
    status: 'PUBLISHED',
    publishedDaysAgo: 19,
    body: `<p>After fourteen months and £1.3m of building work, the Fennick Gallery on Chapel Row reopened on Friday with an exhibition that could hardly be more local: forty portraits of the men and women who have worked Wrenport's fishing fleet over the past half-century.</p>
<p><em>Hands and Weather</em> pairs paintings by the late Agnes Corrigan, who sketched on the quayside from the 1960s until her death in 2009, with new photographs of some of the same families today by Wrenport-born photographer Tobias Reyes.</p>
<p>The pairings are often striking. A 1974 oil of skipper Frank Doyle mending nets hangs beside Reyes's photograph of his granddaughter, Niamh, at the wheel of the same boat, now fitted with sonar and a satellite phone.</p>
<h2>The building</h2>
<p>The refurbishment has added a lift, a ground-floor learning room and a climate-controlled store, which means the gallery can borrow works from national collections for the first time. The leaking glass roof, a source of complaint for years, has been replaced.</p>
<p>Director Ines Kowalczyk said the opening show was chosen deliberately. "People in this town have been walking past this building for a year and a half wondering what was going on inside. We wanted the first thing they saw to be themselves."</p>
<p>Entry is free. <em>Hands and Weather</em> runs until the end of March.</p>`,
  },
  {
    key: 'jazz-on-the-pier',
    authorKey: 'priya',
    title: 'Jazz on the Pier Returns — With a Twist',
    excerpt: 'The summer concert series is adding a winter season, moving indoors to the Pier Pavilion.',
    source: 'Coastal Wire Service',
    tags: ['music', 'arts'],
    status: 'PUBLISHED',
    publishedDaysAgo: 35,
    body: `<p>Jazz on the Pier, the summer concert series that has filled the end of the North Pier with deckchairs for more than twenty years, is coming back next season. For the first time it will also run in winter, moving indoors to the Pier Pavilion from November to February.</p>
<p>The organisers, the Wrenport Jazz Society, say the change is partly about money and partly about musicians. "Players want work all year round, and audiences do too," said society chair Lionel Ashby. "We've spent two decades praying for dry Sunday afternoons. Now we'll have a roof."</p>
<h2>The line-up</h2>
<ul>
<li>The Tarran Valley Big Band opens the winter season.</li>
<li>Singer Rosa Delacroix returns with a programme of songs by women composers.</li>
<li>A monthly open jam session for local players, free to enter.</li>
</ul>
<p>Tickets for the indoor concerts will cost £12, with concessions at £8. The summer afternoon concerts remain free.</p>
<p>The Pavilion, which reopened last year after storm damage, seats about 220. Ashby admitted to some nervousness about whether audiences would follow the music inside. "Jazz by the sea in July sells itself," he said. "Jazz by the sea in January is a braver proposition."</p>`,
  },
  {
    key: 'choir-profile-draft',
    authorKey: 'priya',
    title: "The Dockworkers' Choir at Fifty",
    tags: ['music', 'community'],
    status: 'DRAFT',
    body: `<p>The Dockworkers' Choir was founded in 1975 by eleven men from the grain terminal who wanted something to do on a Tuesday night that wasn't the pub. Fifty years on, the docks have long since been automated, the grain terminal is flats, and the choir has sixty-two members, more than half of them women.</p>
<p>They still rehearse on Tuesdays, in the upstairs room of the Mariners' Institute, and they still finish every concert with "The Tarran Shore", a song written by founding member Alfie Broome about the river in flood.</p>
<p><em>Notes: interview with conductor Gwen Penhaligon booked for Thursday. Need archive photographs from the 1970s; ask the Institute.</em></p>
<h2>Anniversary concert</h2>
<p>The choir will mark its anniversary with a concert at St Columba's Church in the spring, joined by singers from Holm Island and from Wrenport's twin town. Former members have been invited to join in the final song, and the organisers expect the church to be full.</p>
<ul>
<li>Find out how many founding members are still living.</li>
<li>Check the concert date and ticket prices.</li>
</ul>`,
  },
  {
    key: 'winter-arts-programme',
    authorKey: 'priya',
    title: 'Winter Arts Programme: Our Pick of the Season',
    tags: ['arts', 'music'],
    status: 'SCHEDULED',
    publishedDaysAgo: -10,
    body: `<p>The nights are drawing in, but Wrenport's stages and galleries are busier than ever. Here is our pick of what's on between now and the end of February, from a brand-new comedy at the Lyric to candlelit quartets among the paintings.</p>
<h2>Theatre</h2>
<ul>
<li><strong>The Harbourmaster's Daughter</strong> at the Lyric, a new comedy by local writer Fintan Oduya about a family feud over a mooring.</li>
<li>The Tidewater Players' pantomime, <em>Dick Whittington and His Cat</em>, at the Mariners' Institute from mid-December.</li>
</ul>
<h2>Music</h2>
<ul>
<li>The first winter season of Jazz on the Pier, indoors at the Pier Pavilion.</li>
<li>The Dockworkers' Choir Christmas concert at St Columba's Church.</li>
<li>A late-night chamber series at the Fennick Gallery, with candlelit string quartets among the paintings.</li>
</ul>
<h2>Exhibitions</h2>
<p><em>Hands and Weather</em>, the gallery's portraits of the fishing fleet, continues until March. At the Central Library, a small but absorbing display of 1930s shipping posters is free to view during opening hours.</p>
<p>Know of something we've missed? Tell us through our <a href="https://harbourgazette.example.org/listings">listings page</a>.</p>`,
  },

  // ---------------------------------------------------- sport and weather desk
  {
    key: 'storm-delyth',
    authorKey: 'owen',
    title: 'Storm Delyth Brings Gales and Flooding to Low Quay',
    excerpt: 'Gusts of 78mph, 3,000 homes without power and seawater over the harbour wall, again.',
    source: 'Coastal Wire Service',
    coverImageUrl: 'https://images.example.com/gazette/storm-delyth.jpg',
    tags: ['weather', 'environment', 'transport'],
    status: 'PUBLISHED',
    publishedDaysAgo: 4,
    body: `<p>Gusts of up to 78mph battered Wrenport overnight on Sunday as Storm Delyth swept in from the Atlantic, bringing down trees, cutting power to around 3,000 homes and pushing seawater over the harbour wall at Low Quay.</p>
<p>Firefighters pumped water from a dozen properties on Low Quay and Ropewalk Lane in the early hours. No one was injured, although one family was moved to a hotel after water reached the ground floor of their house.</p>
<h2>Transport disruption</h2>
<ul>
<li>All Holm Island ferry sailings were cancelled on Monday morning; services resumed at 2pm.</li>
<li>The Swing Bridge was closed for four hours as a precaution.</li>
<li>A fallen tree blocked the railway line near Millbrook until mid-morning.</li>
</ul>
<p>The storm coincided with a spring tide, which forecasters say made the flooding at Low Quay worse. Residents there have long campaigned for the harbour wall to be raised. "Every time there's a big tide and a westerly we're out with sandbags," said Patrick Oyelaran, who has lived on the quay for thirty years. "We've been told it's on the list for fifteen years."</p>
<p>The council said a study of the harbour defences was due to report next year. Power had been restored to all but a few dozen homes by Monday evening, according to the network operator.</p>
<p>More unsettled weather is forecast for the rest of the week, though nothing as severe as Sunday night.</p>`,
    comments: [
      {
        authorName: 'Patrick Oyelaran',
        body: 'Thanks for covering this. Fifteen years of promises. Come and see Ropewalk Lane next time the tide is up.',
        status: 'APPROVED',
        hoursAfter: 3,
        replies: [
          {
            authorName: 'Siân Edwards',
            body: "Totally agree, Patrick. My mum's house took water again. Sandbags are no use against that much sea.",
            status: 'APPROVED',
            hoursAfter: 6,
          },
        ],
      },
      {
        authorName: 'Noel Brannigan',
        body: 'Shout-out to the power line crews who were out all night in that weather.',
        status: 'APPROVED',
        hoursAfter: 10,
      },
      {
        authorName: 'Frank',
        body: 'Raising the wall will just push the water further up the river. Has anyone thought about that?',
        status: 'PENDING',
        hoursAfter: 18,
      },
    ],
    relatedLinks: [
      { targetKey: 'harbour-bridge-closure' },
      { targetKey: 'coldest-morning' },
      { targetKey: 'ferry-timetable' },
    ],
  },
  {
    key: 'regatta-results',
    authorKey: 'owen',
    title: 'Wrenport Rowing Club Sweeps Harbour Regatta',
    excerpt: 'Seven titles out of ten, in conditions one rower compared to porridge.',
    coverImageUrl: 'https://images.example.com/gazette/harbour-regatta.jpg',
    tags: ['sport', 'rowing'],
    status: 'PUBLISHED',
    publishedDaysAgo: 8,
    body: `<p>Wrenport Rowing Club took seven of the ten titles at the Harbour Regatta on Saturday, their best result in the event since 1998, in conditions one competitor described as "like rowing through porridge".</p>
<p>A steady north-easterly and a lumpy swell outside the breakwater made the 2km course hard work. Several visiting crews shipped water, and the junior sculls were shortened to 1,000m on safety grounds.</p>
<h2>Highlights</h2>
<ul>
<li>The women's coxed four, stroked by Hannah Achterberg, won the open final by three lengths.</li>
<li>Sixteen-year-old Ravi Mehta took the junior single sculls in his first regatta.</li>
<li>The veterans' eight, average age 61, beat Castlebay by a canvas in a photo finish.</li>
</ul>
<p>Club captain Siobhan Kerrigan credited a winter of early-morning training on the river. "We have been out in the dark at six o'clock since January," she said. "Days like this are why."</p>
<p>The only trophy to leave town was the men's open eight, won for the third year running by Castlebay Boat Club. Their coach, Daniel Hofmann, was gracious: "Wrenport were stronger across the board today. We'll take our one cup home and be glad of it."</p>
<p>The club is holding an open day for new members, including adult beginners, next month.</p>
<p><em>Disclosure: the author rows for the club's veterans and was, on this occasion, not selected.</em></p>`,
    comments: [
      {
        authorName: 'Siobhan Kerrigan',
        body: 'Proud of every one of them. Open day is on the 12th, beginners very welcome, no experience needed.',
        status: 'APPROVED',
        hoursAfter: 5,
      },
      {
        authorName: 'Rob Fenner',
        body: 'Castlebay supporter here. Fair play to Wrenport, they deserved it. See you on the water next year.',
        status: 'APPROVED',
        hoursAfter: 12,
      },
    ],
    relatedLinks: [{ targetKey: 'football-cup-run' }],
  },
  {
    key: 'football-cup-run',
    authorKey: 'owen',
    title: "Athletic's Cup Run Ends in Extra-Time Heartbreak",
    source: 'Regional Press Association',
    coverImageUrl: 'https://images.example.com/gazette/harbour-park.jpg',
    tags: ['sport'],
    status: 'PUBLISHED',
    publishedDaysAgo: 16,
    body: `<p>Wrenport Athletic's best cup run in a generation ended on Tuesday night at a packed Harbour Park, as Ellesmere Town scored twice in extra time to win 3–1 and reach the county final.</p>
<p>For ninety minutes the home side, two divisions below their visitors, more than held their own. Captain Kofi Mensah headed them in front from a corner after 28 minutes, and goalkeeper Lewis Barraclough made three fine saves before Ellesmere equalised with a deflected shot five minutes from time.</p>
<p>Extra time was a different story. With several Athletic players suffering from cramp, Ellesmere's substitutes pulled them apart, scoring in the 98th and 112th minutes.</p>
<blockquote>I'm gutted, but I'm proud. That's a part-time squad that matched a full-time team for an hour and a half. <strong>Athletic manager Gary Fenwick</strong></blockquote>
<h2>A club reawakened</h2>
<p>The attendance of 2,140 was the largest at Harbour Park since the new stand opened in 2011. The club said it had sold more season tickets in the past month than in the whole of last year, and the supporters' trust signed up more than a hundred new members during the run.</p>
<p>Athletic return to league action on Saturday at home to Brackley Rovers, kick-off 3pm.</p>`,
    comments: [
      {
        authorName: 'Dean Fowler',
        body: "Gutted. But what a night. Best atmosphere at Harbour Park I've ever known.",
        status: 'APPROVED',
        hoursAfter: 2,
      },
      {
        authorName: 'Aoife Brady',
        body: 'Barraclough was immense. Surely someone will have been scouting him after that.',
        status: 'APPROVED',
        hoursAfter: 8,
      },
      {
        authorName: 'Stevie',
        body: 'The ref had a shocker for their second goal, clearly offside.',
        status: 'PENDING',
        hoursAfter: 15,
      },
    ],
  },
  {
    key: 'coldest-morning',
    authorKey: 'owen',
    title: 'Frost Warning: Coldest Morning in Six Years',
    source: 'Coastal Wire Service',
    tags: ['weather'],
    status: 'PUBLISHED',
    publishedDaysAgo: 0.5,
    body: `<p>Wrenport woke to its coldest morning in six years on Wednesday, with the thermometer at the harbour weather station dropping to −7.4°C just before dawn.</p>
<p>Forecasters have issued a yellow warning for ice across the whole coastal area until midday on Friday, with further hard frosts expected overnight. Untreated pavements and cycle paths are likely to be treacherous, especially on the steep streets of the Old Town.</p>
<h2>What to do</h2>
<ul>
<li>The council's gritters are treating priority routes each evening, including all bus routes and the hill up to the Royal Infirmary.</li>
<li>Grit bins on residential streets have been refilled; empty bins can be reported through the council website.</li>
<li>Check on elderly neighbours, and keep pets indoors overnight.</li>
</ul>
<p>Several schools opened late on Wednesday after problems with heating systems. St Brigid's said a burst pipe in its sports hall had been repaired by lunchtime.</p>
<p>The cold snap has produced one unexpected sight: thin sheets of ice at the edges of the inner basin, something harbour staff say they have not seen since 2010. "The gulls are very confused," said harbourmaster Alan Petrie.</p>
<p>Temperatures are expected to recover to around 5°C by Sunday as milder, wetter air moves in from the west.</p>`,
  },
  {
    key: 'harbour-swim-postponed',
    authorKey: 'owen',
    title: 'Harbour Mile Swim Postponed Over Water Quality',
    tags: ['sport', 'environment'],
    status: 'ARCHIVED',
    publishedDaysAgo: 60,
    body: `<p>This year's Harbour Mile open-water swim has been postponed after routine testing found high levels of bacteria in the inner basin following last week's heavy rain.</p>
<p>Organisers from Wrenport Swimming Club said around 240 swimmers had entered. The event, which raises money for the lifeboat station, will now take place in four weeks' time, subject to a fresh set of results.</p>
<p>Water samples taken on Tuesday showed E. coli levels around five times the threshold the club uses for open-water events. Heavy rain often causes sewer overflows into the River Tarran, which empties into the basin.</p>
<p>"It's disappointing, but nobody wants to spend the following week ill," said race director Carys Whitfield. "We'd rather swim late than swim sick."</p>
<ul>
<li>Entrants can carry their places over to the new date or ask for a full refund.</li>
<li>Training swims in the basin are suspended until further notice.</li>
</ul>
<p>The environmental group Clean Tarran said the postponement showed the need for investment in the town's storm overflows.</p>
<p><em>Update: the rescheduled swim went ahead in good conditions. This article has been archived.</em></p>`,
  },

  // ----------------------------------------------------- science and tech desk
  {
    key: 'seagrass-survey',
    authorKey: 'aiko',
    title: 'Seagrass Meadows in the Bay Are Recovering, Survey Finds',
    excerpt: 'The bay has a third more seagrass than five years ago, and twice as many young fish sheltering in it.',
    source: 'Marine Science Bulletin',
    coverImageUrl: 'https://images.example.com/gazette/seagrass.jpg',
    tags: ['science', 'environment'],
    status: 'PUBLISHED',
    publishedDaysAgo: 7,
    featured: true,
    body: `<p>The seagrass meadows of Wrenport Bay have grown by more than a third in five years, according to a survey published this week by marine scientists at the university's Tarran Estuary Laboratory.</p>
<p>Seagrass is a flowering plant that grows in shallow, sheltered water. It shelters juvenile fish, steadies the seabed and stores carbon in the sediment beneath it. Much of the bay's seagrass was lost in the 1980s and 1990s, damaged by boat moorings, dredging and pollution.</p>
<h2>What changed</h2>
<p>The researchers credit two things. Five years ago the Harbour Trust replaced traditional chain moorings off Fennick Point with "eco-moorings" that float above the seabed instead of dragging along it. And improvements at the Millbrook sewage works have reduced the nutrients washing into the bay.</p>
<ul>
<li>Meadow area five years ago: 41 hectares.</li>
<li>Meadow area this summer: 56 hectares.</li>
<li>Counts of juvenile cod and pollack in the meadows roughly doubled over the same period.</li>
</ul>
<blockquote>It's rare in my field to write a paper with good news in it. This one has good news in it. <strong>Dr Maren Solberg, lead author</strong></blockquote>
<p>Dr Solberg cautioned that the recovery was fragile. A single hot summer or a large spill could undo years of growth, she said, and the meadows on the northern side of the bay, near the commercial port, have not recovered at all.</p>
<p>Volunteers can help with the next survey, which uses snorkellers and underwater cameras, by signing up through the <a href="https://estuarylab.example.org/volunteer">laboratory's website</a>.</p>`,
    comments: [
      {
        authorName: 'Callum Wright',
        body: "Good news for once. I've been snorkelling off Fennick for years and you can see the difference. There are pipefish in there now.",
        status: 'APPROVED',
        hoursAfter: 5,
        replies: [
          {
            authorName: 'Aiko Brennan',
            body: "Pipefish are a great sign; they're one of the species the lab uses as an indicator. If you have photos, the survey team would love to see them.",
            status: 'APPROVED',
            hoursAfter: 7,
          },
        ],
      },
      {
        authorName: 'Jess Morrow',
        body: "Shame about the north side near the port. Is anyone looking at why that part hasn't recovered?",
        status: 'APPROVED',
        hoursAfter: 22,
      },
      {
        authorName: 'seo_master_pro',
        body: 'Nice post. Visit my site for cheap replica watches and designer handbags, best prices guaranteed!!! www.cheap-replica-watches.example.net www.cheap-replica-watches.example.net',
        status: 'SPAM',
        hoursAfter: 25,
      },
    ],
    relatedLinks: [
      { targetKey: 'tidal-energy-trial' },
      {
        url: 'https://estuarylab.example.org/reports/seagrass-survey',
        title: 'Tarran Estuary Laboratory: seagrass survey report',
      },
    ],
  },
  {
    key: 'library-fibre',
    authorKey: 'aiko',
    title: 'Free Gigabit Wi-Fi Arrives at the Central Library',
    tags: ['tech', 'community'],
    status: 'PUBLISHED',
    publishedDaysAgo: 11,
    body: `<p>Visitors to the Central Library on Chapel Row can now use free Wi-Fi at speeds of up to a gigabit per second, after the building was connected to the city's new fibre network last week.</p>
<p>The upgrade replaces a connection that regulars described, politely, as "patient". Librarian Femi Adebayo said people often queued for the three public computers because the Wi-Fi was too slow to use on their own phones. "People were trying to fill in job applications and benefit forms, and it just kept timing out," she said.</p>
<h2>More than speed</h2>
<p>Alongside the new connection, the library has added:</p>
<ul>
<li>Twelve new public computers, including two with screen readers and large-print keyboards.</li>
<li>Weekly Digital Drop-in sessions on Wednesday afternoons, where volunteers help with anything from video calls to online banking.</li>
<li>Laptops and tablets that can be borrowed for up to three weeks with a library card.</li>
</ul>
<p>The project was paid for through a national connectivity fund, with the council covering the cost of the extra machines. The branch libraries in Northfield and on Holm Island are due to be connected by the summer.</p>
<p>There are some limits: the network filters adult content, blocks peer-to-peer file sharing, and sessions time out after four hours. "It's a library," Adebayo said. "We have to share."</p>`,
    comments: [
      {
        authorName: 'Dorothy Ambrose',
        body: 'The Wednesday drop-in helped me set up video calls with my grandchildren in Canada. The volunteers were ever so patient with me.',
        status: 'APPROVED',
        hoursAfter: 20,
      },
      {
        authorName: 'Liam G',
        body: "The four-hour timeout is annoying if you're studying all day. Can't you just log back in?",
        status: 'PENDING',
        hoursAfter: 30,
      },
    ],
  },
  {
    key: 'school-robotics',
    authorKey: 'aiko',
    title: "Saint Brigid's Robotics Team Heads to National Final",
    excerpt:
      'A six-wheeled robot called Gulliver, built in a converted stationery cupboard, has won the regional round.',
    tags: ['tech', 'schools', 'science'],
    status: 'PUBLISHED',
    publishedDaysAgo: 23,
    body: `<p>A team of six fourteen-year-olds from St Brigid's School will travel to the national schools robotics final next month, after their robot, a small yellow six-wheeled machine named Gulliver, won the regional round in a tense finish.</p>
<p>The challenge asks teams to build a robot that can navigate a model harbour, pick up coloured "cargo" blocks and deliver them to the right dock, all without human control. Gulliver scored full marks on the last of three runs, overtaking a team from Castlebay Academy that had led all day.</p>
<p>"On the first two runs it kept driving into the sea," admitted team member Oluwaseun Bello. "We changed one number in the code at lunchtime and it just worked."</p>
<h2>Built in a cupboard</h2>
<p>The team meets twice a week in what teacher Callum Reid describes as "a converted stationery cupboard" next to the physics lab. Parts have been paid for with cake sales and a small grant from the Kell &amp; Daughters shipyard, which has also lent the team an engineer for advice.</p>
<ul>
<li>Team: Oluwaseun, Freya, Matteo, Aisling, Dev and Charlie.</li>
<li>National final: next month, in the capital.</li>
<li>Fundraising target for travel: £1,800.</li>
</ul>
<p>Anyone wishing to support the team's trip can contact the school office.</p>`,
    relatedLinks: [{ targetKey: 'library-fibre' }],
  },
  {
    key: 'tidal-energy-trial',
    authorKey: 'aiko',
    title: 'Tidal Turbine Trial Off Fennick Point Gets the Green Light',
    source: 'Marine Science Bulletin',
    coverImageUrl: 'https://images.example.com/gazette/fennick-point.jpg',
    tags: ['science', 'environment', 'council'],
    status: 'PUBLISHED',
    publishedDaysAgo: 31,
    body: `<p>A two-year trial of an underwater tidal turbine off Fennick Point has been approved by the council's planning committee, clearing the way for installation next summer.</p>
<p>The 500-kilowatt turbine, developed by the start-up Tidewright Energy, will sit on the seabed about 800 metres offshore, where the tide races around the point at up to four knots. At full output it could power around 350 homes, though it will generate only while the tide is running.</p>
<h2>Watching the wildlife</h2>
<p>The main objections came from fishermen and wildlife groups worried about the effect on porpoises and seals, which feed in the channel. As a condition of approval, the company must fit underwater cameras and acoustic monitors, publish the data, and stop the turbine if marine mammals are seen close to the blades.</p>
<p>"The whole point of a trial is to find out," said Tidewright's chief engineer, Ngozi Ekwueme. "If it turns out to be a problem for the wildlife, we want to know that as much as anyone."</p>
<ul>
<li>The turbine will be connected to shore by a cable landing at the old lifeboat slipway.</li>
<li>The university's Tarran Estuary Laboratory will monitor the site independently.</li>
<li>A public viewing point with live data is planned at the Fennick Point car park.</li>
</ul>
<p>If the trial succeeds, the company hopes to install an array of up to twenty turbines in the channel by the end of the decade.</p>`,
  },
  {
    key: 'dark-sky-draft',
    authorKey: 'aiko',
    title: 'Night Sky Club Wants a Dark-Sky Zone at Fennick Point',
    excerpt: 'Amateur astronomers want the headland protected from light pollution.',
    tags: ['science', 'environment'],
    status: 'DRAFT',
    body: `<p>Wrenport's amateur astronomers are asking the council to make the headland around Fennick Point the region's first designated dark-sky area, which would limit new outdoor lighting and switch off some street lights after midnight.</p>
<p>The Fennick Night Sky Club, which has about 80 members, says that on a clear night from the headland you can still see the Milky Way with the naked eye, a view that has disappeared from most of the city.</p>
<h2>How it would work</h2>
<ul>
<li>New lights in the zone would have to point downwards and use warmer colours.</li>
<li>Lighting in the Fennick Point car park would be dimmed after 11pm.</li>
<li>The club would run free public stargazing evenings once a month in winter.</li>
</ul>
<p>Club secretary Anwen Price said the proposal was about more than astronomy. "Moths, bats and migrating birds all need the dark," she said. "And so, frankly, do people."</p>
<p><em>To do: council response; check whether the lighthouse or the planned tidal turbine viewing point would be affected; photographs from the club's last open night.</em></p>`,
  },

  // ---------------------------------------------------------- business desk
  {
    key: 'shipyard-jobs',
    authorKey: 'ruth',
    title: 'Kell & Daughters Shipyard to Add 120 Jobs',
    excerpt: "A contract for four hybrid-electric ferries is the largest in the yard's 140-year history.",
    source: 'Regional Press Association',
    coverImageUrl: 'https://images.example.com/gazette/shipyard.jpg',
    tags: ['business'],
    status: 'PUBLISHED',
    publishedDaysAgo: 10,
    body: `<p>The Kell &amp; Daughters shipyard on the south bank of the Tarran is to take on 120 new staff over the next two years after winning a contract to build four hybrid-electric ferries for a Scandinavian operator.</p>
<p>The contract, thought to be worth around £90m, is the largest in the yard's 140-year history. The first vessel is due to be launched in eighteen months.</p>
<p>Managing director Rosalind Kell, great-great-granddaughter of the founder, said most of the new jobs would be skilled trades, among them welders, electricians, fitters and pipe-workers, with around thirty apprenticeships for school leavers.</p>
<blockquote>Ten years ago people were asking whether there would be a shipyard in Wrenport at all. Today we are building the ferries of the future. <strong>Rosalind Kell</strong></blockquote>
<h2>Skills gap</h2>
<p>The challenge will be finding the people. The yard already struggles to recruit experienced electricians, and Kell said the company was working with Wrenport College on a new marine electrical course starting in September.</p>
<p>The union representing the yard's 410 existing workers welcomed the news but said it would be pressing for a pay deal that reflected the company's full order book.</p>
<p>Councillors have asked whether the Holm Island route could one day use the same design. The council's transport committee is due to discuss a replacement for the ageing <em>MV Corrie Lass</em> next year.</p>`,
    relatedLinks: [
      { targetKey: 'fish-market-data' },
      {
        url: 'https://kellshipyard.example.org/careers',
        title: 'Kell & Daughters: careers and apprenticeships',
      },
    ],
  },
  {
    key: 'housing-plan',
    authorKey: 'ruth',
    title: 'Quayside Housing Plan: 340 Homes, but How Affordable?',
    excerpt: 'The developer offers 15 per cent affordable homes on the old gasworks site; council policy asks for 30.',
    coverImageUrl: 'https://images.example.com/gazette/gasworks-site.jpg',
    tags: ['housing', 'council'],
    status: 'PUBLISHED',
    publishedDaysAgo: 18,
    body: `<p>Plans for 340 new homes on the former gasworks site at Quayside went on display this week, the biggest housing scheme proposed in central Wrenport for decades.</p>
<p>The developer, Tarran Quay Living, is proposing a mix of apartment blocks of up to eight storeys and terraced townhouses, arranged around a new public square, with a waterside walkway linking Quayside to the Swing Bridge.</p>
<h2>The affordability question</h2>
<p>Council policy requires 30 per cent of homes on large sites to be "affordable". The developer is offering 15 per cent, arguing that the cost of cleaning up the contaminated ground makes a higher figure unviable. Its viability report, which the council has had independently checked, will be published with the planning application.</p>
<p>Housing campaigners are unimpressed. "Affordable housing is always the first thing to go," said Maeve Donnelly of the Wrenport Housing Forum. "There are 2,300 households on the council's waiting list. Luxury flats with harbour views don't help any of them."</p>
<ul>
<li>340 homes: 210 apartments and 130 townhouses.</li>
<li>Proposed affordable share: 15 per cent (policy target: 30 per cent).</li>
<li>Public consultation open until the end of the month.</li>
</ul>
<p>Councillor Beatrice Lowe said she expected the affordability figure to be "the battleground" when the application comes before the planning committee, probably in the spring. The developer said it remained "open to conversations" about the mix.</p>`,
    comments: [
      {
        authorName: 'Maeve Donnelly',
        body: "To be clear, the Housing Forum isn't against building on the gasworks site. We're against building the wrong thing on it.",
        status: 'APPROVED',
        hoursAfter: 6,
      },
      {
        authorName: 'Tom Aske',
        body: 'Someone has to pay to clean up the gasworks. If the council wants 30 per cent affordable, maybe it should chip in.',
        status: 'APPROVED',
        hoursAfter: 15,
        replies: [
          {
            authorName: 'Maeve Donnelly',
            body: "Fair point, Tom, and there is national brownfield funding the council could bid for. We'd support that.",
            status: 'APPROVED',
            hoursAfter: 19,
          },
          {
            authorName: 'Ellie Sutcliffe',
            body: 'I agree with both of you, which I think is a first for a comments section.',
            status: 'APPROVED',
            hoursAfter: 23,
          },
        ],
      },
      {
        authorName: 'J. Ward',
        body: 'Eight storeys will block the view of the harbour from the whole of Customs Street.',
        status: 'PENDING',
        hoursAfter: 48,
      },
    ],
    relatedLinks: [{ targetKey: 'council-budget-vote' }, { targetKey: 'market-hall-rents' }],
  },
  {
    key: 'market-hall-rents',
    authorKey: 'ruth',
    title: 'Market Hall Traders Fear Rent Rise of Up to 40%',
    tags: ['business', 'council', 'food'],
    status: 'PUBLISHED',
    publishedDaysAgo: 42,
    body: `<p>Traders at Wrenport's Victorian Market Hall say they face rent increases of up to 40 per cent under a new pricing structure proposed by the council, which owns the building.</p>
<p>The hall has 34 stalls, selling everything from fish and cheese to second-hand books and bicycle repairs. Many stallholders have been there for decades, and rents have not risen since 2015.</p>
<p>The council says the building loses around £180,000 a year and that the new charges would bring rents closer to those of comparable markets elsewhere. It also points to a £2m roof repair due within the next five years.</p>
<blockquote>We're not against paying a bit more. We're against being priced out of a building our families have traded in for three generations. <strong>Linda Osborne, Osborne's Cheese</strong></blockquote>
<h2>A petition</h2>
<p>A petition against the increase has gathered more than 4,000 signatures in a fortnight. Stallholders want the rise phased in over five years and linked to improvements such as better lighting, more bins and a heating system that works in winter.</p>
<p>The council's property committee will consider the plan next month. Its chair said no decision had been made and that "the council values the Market Hall enormously and wants it to thrive for another 150 years".</p>`,
  },
  {
    key: 'fish-market-data',
    authorKey: 'ruth',
    title: 'Fish Market Goes Digital With Online Auction',
    source: 'Regional Press Association',
    coverImageUrl: 'https://images.example.com/gazette/fish-quay.jpg',
    tags: ['business', 'tech', 'food'],
    status: 'PUBLISHED',
    publishedDaysAgo: 49,
    body: `<p>For more than a century the daily fish auction on Wrenport's Fish Quay has worked the same way: buyers in white coats gather around crates on the floor at 6am while an auctioneer calls the prices so fast that outsiders cannot follow a word.</p>
<p>From next month, buyers will also be able to bid from their phones.</p>
<p>The Wrenport Fish Producers' Organisation has installed a system that photographs and weighs every box as it comes off the boats, logs the species, catch area and time of landing, and puts each lot up for auction online at the same moment it is sold on the floor.</p>
<h2>Why now?</h2>
<p>Auctioneer Bryn Tallis, who has called the sales for twenty-six years, said the number of buyers attending in person had halved since 2010. "Restaurants in the city want our fish, but they're not going to drive here at five in the morning," he said. "Now they don't have to."</p>
<ul>
<li>Every box gets a QR code showing where and when the fish was caught.</li>
<li>Buyers must register and pass a credit check.</li>
<li>The floor auction will continue alongside the online one.</li>
</ul>
<p>Some of the older buyers are sceptical. "You can't smell a fish through a phone," said one. But skippers hope a wider pool of buyers will mean better prices, particularly for less familiar species such as gurnard and dab, which currently sell for very little.</p>`,
  },
  {
    key: 'empty-shops-draft',
    authorKey: 'ruth',
    title: 'Why Are So Many Shops on Anchor Street Empty?',
    tags: ['business', 'housing'],
    status: 'DRAFT',
    body: `<p>Walk the length of Anchor Street and you will count eleven empty shopfronts out of forty-two. Five years ago there were three. The street that once had two butchers, a cinema and the town's biggest department store now has more "To Let" signs than any other in Wrenport.</p>
<p>The reasons are familiar ones: online shopping, high business rates and landlords who would rather wait for a national chain than let to a local trader at a lower rent. But some property owners say there is another factor, the rising value of the flats above the shops, which can make the ground floor an afterthought.</p>
<h2>What could change</h2>
<ul>
<li>The council is considering a "meanwhile use" scheme letting pop-up shops and studios use empty units rent-free for up to a year.</li>
<li>The Anchor Street Traders' Association wants shorter, more flexible leases.</li>
<li>Some landlords are applying to convert ground floors to housing.</li>
</ul>
<p><em>Still needed: figures from the business rates team; interview with the owner of Driftwood Roasters, who took a unit last year; photographs of the street.</em></p>`,
  },

  // ---------------------------------------------------------------- publisher
  {
    key: 'ten-years-letter',
    authorKey: 'admin',
    title: 'A Letter from the Publisher: Ten Years of the Gazette',
    excerpt: 'Ten years, four stories on the first day, and one seal in the inner basin. A thank-you to our readers.',
    coverImageUrl: 'https://images.example.com/gazette/ten-years.jpg',
    tags: ['community'],
    status: 'PUBLISHED',
    publishedDaysAgo: 58,
    body: `<p>Ten years ago this month, the first edition of The Harbour Gazette went out from a spare room above Pascoe's chandlery on Quay Street. It had four stories, one of which was about a seal that had found its way into the inner basin. We had 212 readers on the first day, and I am fairly sure I was related to a dozen of them.</p>
<p>A decade on, the Gazette is read by around 40,000 people a month. We have six writers and editors, a rota of freelancers and a much better office, though it is still within sight of the harbour.</p>
<h2>What hasn't changed</h2>
<p>Our job remains the same: to tell Wrenport what is happening in its council chamber, its courts, its schools, its harbour and its streets, accurately and fairly, and to let the people affected have their say. We have no owner but ourselves, and no agenda but that.</p>
<ul>
<li>We correct our mistakes openly, at the foot of the story.</li>
<li>We name our sources wherever we can, and explain why when we can't.</li>
<li>We keep the site free to read, funded by local advertisers and by readers who choose to support us.</li>
</ul>
<p>To everyone who has sent us a tip, written a letter, argued with us in the comments or bought a supporter's membership: thank you. The next ten years start now.</p>
<p><em>Helena Marsh, publisher</em></p>`,
  },
  {
    key: 'reader-survey-results',
    authorKey: 'admin',
    title: 'What You Told Us: Reader Survey Results',
    tags: ['community', 'tech'],
    status: 'PUBLISHED',
    publishedDaysAgo: 21,
    // The onclick attribute below is deliberate: it demonstrates the HTML sanitizer.
    body: `<p>More than 1,600 of you answered our annual reader survey last month, our biggest response yet. Thank you. Here is what we learned, and what we plan to do about it.</p>
<h2>What you want more of</h2>
<ul>
<li><strong>Council coverage</strong>: 71 per cent said reporting on council decisions was the most useful thing we do.</li>
<li><strong>Transport</strong>: ferry and bus updates came a close second, especially among Holm Island readers.</li>
<li><strong>Science and the environment</strong>: a clear rise from last year, driven by interest in the bay and the tidal turbine trial.</li>
</ul>
<h2>What you want less of</h2>
<p>Pop-up adverts, overwhelmingly. We have already removed them. A smaller number of you said our headlines had become too clickbaity; the editors have taken that to heart.</p>
<h2>How you read us</h2>
<p>Nearly two-thirds of you read the Gazette on a phone, most often in the morning. Many of you asked for a daily email summary, which we will launch in the spring, and a way to follow particular topics, which our developers are working on now.</p>
<p>Some of you asked for the full anonymised results. They are on <a href="https://harbourgazette.example.org/survey-results" onclick="alert('Thanks for reading!')">our results page</a>.</p>
<p>We read every free-text comment, all 900 of them, including the one that simply said "more seals". Noted.</p>`,
    comments: [
      {
        authorName: 'Harriet Lowe',
        body: 'More seals. Always more seals.',
        status: 'APPROVED',
        hoursAfter: 10,
        replies: [
          {
            authorName: 'Helena Marsh',
            body: 'We hear you, Harriet. A seal desk is under active consideration.',
            status: 'APPROVED',
            hoursAfter: 12,
          },
        ],
      },
      {
        authorName: 'Marcus Bell',
        body: 'Really glad the pop-ups are gone. Would love a Holm Island-only email too.',
        status: 'APPROVED',
        hoursAfter: 28,
      },
    ],
  },
  {
    key: 'comments-policy-2019',
    authorKey: 'admin',
    title: 'Our Comments Policy (2019 Version)',
    excerpt: 'The ground rules for comments on the Gazette, as they stood in 2019. Archived.',
    tags: ['community'],
    status: 'ARCHIVED',
    publishedDaysAgo: 57,
    body: `<p><em>This page has been archived. It has been replaced by our updated community guidelines.</em></p>
<p>Comments on The Harbour Gazette are a place for readers to discuss our stories, add information and, when we get things wrong, tell us. We want them to be useful and civil. These are the ground rules.</p>
<ul>
<li>Comments are checked by an editor before they appear. This usually happens within a few hours during the working day, longer at weekends.</li>
<li>Disagree with us or with each other as much as you like, but argue with the point, not the person.</li>
<li>No personal abuse, no discrimination and no threats.</li>
<li>Do not post anyone's private information, including addresses and phone numbers.</li>
<li>Advertising and links to unrelated sites will be removed as spam.</li>
</ul>
<h2>Why we moderate</h2>
<p>We are a small team and we are legally responsible for what appears on our site. Pre-moderation slows things down, but it means we can keep comments open on difficult stories, such as court reports, where many other sites turn them off entirely.</p>
<p>If your comment has not appeared and you think it should have, email the editors and we will explain our decision.</p>`,
  },
];
