import { DemoPost } from './demo-types';

/** The news desk's demo posts. */
export const NEWS_DESK: DemoPost[] = [
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
    tags: ['transport', 'council', 'harbour'],
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
];
