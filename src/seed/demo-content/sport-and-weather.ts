import { DemoPost } from './demo-types';

/** The sport and weather desk's demo posts. */
export const SPORT_AND_WEATHER_DESK: DemoPost[] = [
  {
    key: 'storm-delyth',
    authorKey: 'owen',
    title: 'Storm Delyth Brings Gales and Flooding to Low Quay',
    excerpt: 'Gusts of 78mph, 3,000 homes without power and seawater over the harbour wall, again.',
    source: 'Coastal Wire Service',
    coverImageUrl: 'https://images.example.com/gazette/storm-delyth.jpg',
    tags: ['breaking', 'weather', 'environment', 'transport', 'harbour'],
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
    tags: ['sport', 'rowing', 'harbour'],
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
];
