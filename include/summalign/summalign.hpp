#pragma once
// All of summalign's public API, in the order the data flows.
#include "summalign/error.hpp"
#include "summalign/text.hpp"
#include "summalign/data.hpp"
#include "summalign/segment.hpp"
#include "summalign/layout.hpp"
#include "summalign/journal.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/similarity.hpp"
#include "summalign/align.hpp"
#include "summalign/check.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/export.hpp"
