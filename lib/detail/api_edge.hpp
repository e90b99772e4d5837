#pragma once
// The public API reports every failure as summalign::Error (error.hpp): a public function
// whose work reaches code that throws something else (ICU, the standard library, a
// program-logic check) runs it through at_api_edge, which passes Error and std::bad_alloc
// on and turns any other std::exception into an Error naming the call.
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "summalign/error.hpp"

namespace summalign::detail {

template <class Function>
decltype(auto) at_api_edge(std::string_view call, Function&& function) {
    try {
        return std::forward<Function>(function)();
    } catch (const Error&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& error) {
        throw Error(std::string(call) + ": " + error.what());
    }
}

}  // namespace summalign::detail
