#include "osg_messages.h"

#include <cstdio>
#include <osg/Notify>

namespace subterra {

namespace {
class StderrNotifyHandler : public osg::NotifyHandler {
  public:
    void notify(osg::NotifySeverity, const char* message) override { std::fputs(message, stderr); }
};
}  // namespace

void sendOsgMessagesToStderr() { osg::setNotifyHandler(new StderrNotifyHandler); }

}  // namespace subterra
